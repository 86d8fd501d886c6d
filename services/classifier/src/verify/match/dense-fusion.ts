import type { Embedder } from '../../models/transformers-runtime.ts';
import type { Reference } from './reference-index.ts';

/** Unit-length sentence vectors of every reference (title and text together), from one embedding model. */
export type DenseIndex = { model: Embedder['model']; vectors: Float32Array[] };

export async function embedReferences(
  references: readonly Reference[],
  embedder: Embedder,
): Promise<DenseIndex> {
  const texts = references.map((r) => (r.title ? `${r.title}\n${r.text}` : r.text));
  return { model: embedder.model, vectors: await embedder.embed(texts) };
}

/** Cosine of unit-length vectors. Four running sums: about a third faster than one in V8 at 512 dimensions. */
export function dotProduct(a: Float32Array, b: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length - (a.length % 4);
  for (let j = 0; j < n; j += 4) {
    s0 += a[j]! * b[j]!;
    s1 += a[j + 1]! * b[j + 1]!;
    s2 += a[j + 2]! * b[j + 2]!;
    s3 += a[j + 3]! * b[j + 3]!;
  }
  for (let j = n; j < a.length; j++) s0 += a[j]! * b[j]!;
  return s0 + s1 + s2 + s3;
}

/** The `k` references closest to a unit-length query vector (cosine = dot product), best first. */
export function denseTop(
  index: DenseIndex,
  query: Float32Array,
  k: number,
): { doc: number; score: number }[] {
  const scored = index.vectors.map((v, doc) => ({ doc, score: dotProduct(v, query) }));
  return scored.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
}

/** The usual constant of reciprocal rank fusion: ranks far down each list still count a little. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion of rankings (ids best first): score = Σ 1 / (RRF_K + rank). Needs no calibration
 * between lexical and dense scores, which live on different scales.
 */
export function fuseRankings(rankings: readonly (readonly string[])[]): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings)
    for (const [rank, id] of ranking.entries())
      scores.set(id, (scores.get(id) ?? 0) + 1 / (RRF_K + rank + 1));
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
