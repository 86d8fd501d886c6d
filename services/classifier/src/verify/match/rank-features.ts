import type { AnalysedQuery, IndexedView, ReferenceIndex } from './reference-index.ts';

/**
 * Features of one (query, candidate) pair for the learned re-ranker. Scores are also given relative to the
 * best candidate of the same query, so one linear model serves short and long queries alike.
 */
export const FEATURE_NAMES = [
  'first_stage',
  'first_stage_rel',
  'first_stage_gap',
  'first_rank_rr',
  'stems_bm25_rel',
  'stems_doc_cov',
  'stems_query_cov',
  'text_bm25_rel',
  'text_doc_cov',
  'title_bm25_rel',
  'title_doc_cov',
  'bigrams_bm25_rel',
  'bigrams_doc_cov',
  'bigrams_query_cov',
  'exact_bm25_rel',
  'exact_doc_cov',
  'chars_doc_cov',
  'chars_query_cov',
  'ids_doc_cov',
  'ids_query_cov',
  'nums_doc_cov',
  'nums_query_cov',
  'log_length',
  'has_title',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export type Candidates = { docs: number[]; scores: number[] };

/** One row of FEATURE_NAMES.length numbers per candidate, in candidate order. */
export function computeFeatures(
  index: ReferenceIndex,
  query: AnalysedQuery,
  candidates: Candidates,
): Float64Array[] {
  const { docs, scores } = candidates;
  const top = scores[0] ?? 0;
  const compare = (key: IndexedView) => docs.map((d) => index.indexes[key].compare(query.prepared[key], d));
  const stems = compare('all.stems');
  const text = compare('text.stems');
  const title = compare('title.stems');
  const bigrams = compare('all.bigrams');
  const exact = compare('all.exact');
  const chars = compare('all.chars');
  const ids = compare('all.ids');
  const nums = compare('all.nums');
  const relative = (values: { bm25: number }[]) => {
    const max = Math.max(0, ...values.map((v) => v.bm25));
    return values.map((v) => (max > 0 ? v.bm25 / max : 0));
  };
  const stemsRel = relative(stems);
  const textRel = relative(text);
  const titleRel = relative(title);
  const bigramsRel = relative(bigrams);
  const exactRel = relative(exact);
  return docs.map((d, i) => {
    const s = scores[i]!;
    return Float64Array.of(
      Math.log1p(s),
      top > 0 ? s / top : 0,
      top > 0 ? (top - s) / top : 0,
      1 / (1 + i),
      stemsRel[i]!,
      stems[i]!.docCoverage,
      stems[i]!.queryCoverage,
      textRel[i]!,
      text[i]!.docCoverage,
      titleRel[i]!,
      title[i]!.docCoverage,
      bigramsRel[i]!,
      bigrams[i]!.docCoverage,
      bigrams[i]!.queryCoverage,
      exactRel[i]!,
      exact[i]!.docCoverage,
      chars[i]!.docCoverage,
      chars[i]!.queryCoverage,
      ids[i]!.docCoverage,
      ids[i]!.queryCoverage,
      nums[i]!.docCoverage,
      nums[i]!.queryCoverage,
      Math.log1p(index.lengths[d]!),
      index.references[d]!.title ? 1 : 0,
    );
  });
}
