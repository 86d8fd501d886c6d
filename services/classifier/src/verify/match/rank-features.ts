import { analyseText, cleanText, stemWord } from './analyse-text.ts';
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
  'text_query_cov',
  'title_query_cov',
  'first_rank_log',
  'stems_jaccard',
  'length_ratio',
  'names_doc_cov',
  'names_query_cov',
  'year_match',
  'year_mismatch',
  'month_year_match',
  'phrasing_bm25_rel',
  'phrasing_doc_cov',
  'phrasing_query_cov',
  'phrasing_hit',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const MONTH_YEAR =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b/giu;
const YEAR = /\b(?:19|20)\d\d\b/gu;
/** Words written with a capital that are not the first of a sentence: a cheap stand-in for names. */
const NAME = /(?<![.!?:]\s|^)\b\p{Lu}[\p{L}'’-]+/gu;

/** What the ranker compares beyond the indexes: dates, names and the set of stems. */
type Extras = { stems: Set<string>; names: Set<string>; years: Set<string>; monthYears: Set<string> };

function extrasOf(text: string, stems: readonly string[]): Extras {
  const names = new Set<string>();
  for (const m of cleanText(text).matchAll(NAME)) {
    const stem = stemWord(m[0].toLowerCase());
    if (stem) names.add(stem);
  }
  const monthYears = new Set<string>();
  for (const m of text.matchAll(MONTH_YEAR)) monthYears.add(`${MONTHS.indexOf(m[1]!.toLowerCase())}-${m[2]}`);
  return { stems: new Set(stems), names, years: new Set(text.match(YEAR) ?? []), monthYears };
}

/** Extras of each reference, computed the first time it is a candidate and kept with its index. */
const extrasCache = new WeakMap<ReferenceIndex, (Extras | undefined)[]>();

function referenceExtras(index: ReferenceIndex, doc: number): Extras {
  let cache = extrasCache.get(index);
  if (!cache) {
    cache = new Array(index.references.length);
    extrasCache.set(index, cache);
  }
  const cached = cache[doc];
  if (cached) return cached;
  const ref = index.references[doc]!;
  const text = ref.title ? `${ref.text}\n${ref.title}` : ref.text;
  const extras = extrasOf(text, analyseText(text).stems);
  cache[doc] = extras;
  return extras;
}

const overlap = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

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
  const q = extrasOf(query.text, query.views.stems);
  let topPhrasing = 0;
  for (const m of query.phrasings.values()) topPhrasing = Math.max(topPhrasing, m.bm25);
  return docs.map((d, i) => {
    const s = scores[i]!;
    const ref = index.references[d]!;
    const r = referenceExtras(index, d);
    const shared = overlap(q.stems, r.stems);
    const union = q.stems.size + r.stems.size - shared;
    const names = overlap(r.names, q.stems);
    const years = overlap(r.years, q.years);
    const phrasing = query.phrasings.get(d);
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
      ref.title ? 1 : 0,
      text[i]!.queryCoverage,
      title[i]!.queryCoverage,
      Math.log1p(i),
      union > 0 ? shared / union : 0,
      Math.log((1 + r.stems.size) / (1 + q.stems.size)),
      r.names.size > 0 ? names / r.names.size : 0,
      q.names.size > 0 ? overlap(q.names, r.stems) / q.names.size : 0,
      years > 0 ? 1 : 0,
      r.years.size > 0 && years === 0 && q.years.size > 0 ? 1 : 0,
      overlap(r.monthYears, q.monthYears) > 0 ? 1 : 0,
      phrasing && topPhrasing > 0 ? phrasing.bm25 / topPhrasing : 0,
      phrasing?.docCoverage ?? 0,
      phrasing?.queryCoverage ?? 0,
      phrasing ? 1 : 0,
    );
  });
}
