const DAY_MS = 24 * 3600 * 1000;

/** Newer items first: full weight for a day, halving every week after. */
export function recencyWeight(publishedAt: Date | null, now: Date): number {
  if (!publishedAt) return 0.5;
  const ageDays = Math.max(0, (now.getTime() - publishedAt.getTime()) / DAY_MS - 1);
  return 0.5 ** (ageDays / 7);
}

/** A story carried by more outlets matters more: 1 for one outlet, +50% for each further one, at most ×3. */
export function spreadWeight(outlets: number): number {
  return Math.min(3, 1 + 0.5 * Math.max(0, outlets - 1));
}

/** priority = score × source priority × recency × spread across outlets (the story's cluster). */
export function flagPriority(p: {
  score: number;
  sourcePriority: number;
  publishedAt: Date | null;
  outlets: number;
  now: Date;
}): number {
  return p.score * p.sourcePriority * recencyWeight(p.publishedAt, p.now) * spreadWeight(p.outlets);
}
