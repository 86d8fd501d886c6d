/**
 * Totals of the triage queue, shared for a moment: counting 60k matching rows costs far more than the
 * page of 50 itself, and every monitor on the same filter asks for the same number. One count per
 * filter runs at a time (concurrent askers share it) and its result is reused for `ttlMs`. Decisions made
 * through this server clear the cache, so a person's own actions show at once; flags added by workers
 * show within `ttlMs` (the live counter announces them anyway). `ttlMs` 0 turns caching off.
 */
export class CountCache {
  private readonly entries = new Map<string, { at: number; value: Promise<number> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(filter: object, count: () => Promise<number>): Promise<number> {
    if (this.ttlMs <= 0) return count();
    const key = JSON.stringify(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)));
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = count();
    this.entries.set(key, { at: this.now(), value });
    // A failed count is not remembered.
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > 1000) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
