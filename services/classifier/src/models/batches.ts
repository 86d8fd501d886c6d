/** Indices of `texts` ordered by length, cut into batches: similar lengths pad less. */
export function batchesByLength(texts: string[], size: number): number[][] {
  const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return batches;
}
