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

/** The `k` references closest to a unit-length query vector (cosine = dot product), best first. */
export function denseTop(
  index: DenseIndex,
  query: Float32Array,
  k: number,
): { doc: number; score: number }[] {
  const scored = index.vectors.map((v, doc) => {
    let dot = 0;
    for (let j = 0; j < v.length; j++) dot += v[j]! * query[j]!;
    return { doc, score: dot };
  });
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
