import type { HttpResponse } from './http-fetch.ts';

/**
 * Scripts and stylesheets a rendered page loads, kept for a while and shared by every render of the
 * process: a news site serves the same bundles on every article page, so a polite renderer fetches them
 * once, not once per article. Bounded by bytes (oldest use evicted first) and by age; responses the
 * server marks `no-store`/`private`, and anything but a 200, are never kept.
 */
export class SubresourceCache {
  private readonly entries = new Map<string, { response: HttpResponse; storedAt: number }>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 32 * 1024 * 1024,
    private readonly maxAgeMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(url: string): HttpResponse | undefined {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.remove(url);
      return undefined;
    }
    // Map order is use order: re-inserting marks it most recently used.
    this.entries.delete(url);
    this.entries.set(url, entry);
    return entry.response;
  }

  put(url: string, response: HttpResponse): void {
    const cacheControl = response.headers['cache-control'] ?? '';
    if (response.status !== 200 || /no-store|private/i.test(cacheControl)) return;
    const size = response.body.byteLength;
    if (size > this.maxBytes / 4) return;
    this.remove(url);
    this.entries.set(url, { response, storedAt: this.now() });
    this.bytes += size;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(url: string): void {
    const entry = this.entries.get(url);
    if (!entry) return;
    this.bytes -= entry.response.body.byteLength;
    this.entries.delete(url);
  }
}

/** At most `limit` tasks at once per key (host); the rest wait their turn in order. */
export class PerKeyLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if ((this.active.get(key) ?? 0) >= this.limit)
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(key) ?? [];
        queue.push(resolve);
        this.waiting.set(key, queue);
      });
    this.active.set(key, (this.active.get(key) ?? 0) + 1);
    try {
      return await task();
    } finally {
      const left = (this.active.get(key) ?? 1) - 1;
      if (left === 0) this.active.delete(key);
      else this.active.set(key, left);
      const next = this.waiting.get(key)?.shift();
      if (this.waiting.get(key)?.length === 0) this.waiting.delete(key);
      next?.();
    }
  }
}
