import { type AnalyseOptions, analyseText, type TextViews } from './analyse-text.ts';
import { Bm25Index, type Bm25Params, type PreparedQuery, topK } from './bm25-index.ts';

/** Something a claim can be matched to: a verified fact, a known narrative, a fact-check, a past response. */
export type Reference = { id: string; text: string; title?: string | undefined };

/** The (field, view) pairs that are indexed; `all` = text and title together. */
export const INDEXED = [
  'all.stems',
  'text.stems',
  'title.stems',
  'all.bigrams',
  'all.exact',
  'all.chars',
  'all.ids',
  'all.nums',
] as const;
export type IndexedView = (typeof INDEXED)[number];

export type ReferenceIndexOptions = AnalyseOptions & { bm25?: Bm25Params };

export type ReferenceIndex = {
  references: readonly Reference[];
  indexes: Record<IndexedView, Bm25Index>;
  /** Number of stems per reference (its length for the ranker). */
  lengths: Int32Array;
  options: AnalyseOptions;
};

export type AnalysedQuery = {
  text: string;
  views: TextViews;
  prepared: Record<IndexedView, PreparedQuery>;
};

const viewOf = (key: IndexedView) => key.split('.')[1] as keyof TextViews;
const concat = (a: TextViews, b: TextViews | undefined): TextViews =>
  b
    ? {
        stems: [...a.stems, ...b.stems],
        exact: [...a.exact, ...b.exact],
        bigrams: [...a.bigrams, ...b.bigrams],
        chars: [...a.chars, ...b.chars],
        ids: [...a.ids, ...b.ids],
        nums: [...a.nums, ...b.nums],
      }
    : a;

/** Analyses every reference once and builds one BM25 index per indexed (field, view). */
export function buildReferenceIndex(
  references: readonly Reference[],
  options: ReferenceIndexOptions = {},
): ReferenceIndex {
  const analyse = { findEntities: options.findEntities };
  const empty: TextViews = { stems: [], exact: [], bigrams: [], chars: [], ids: [], nums: [] };
  const text: TextViews[] = [];
  const title: TextViews[] = [];
  for (const r of references) {
    text.push(analyseText(r.text, analyse));
    title.push(r.title ? analyseText(r.title, analyse) : empty);
  }
  const docsFor = (key: IndexedView): string[][] => {
    const [field] = key.split('.') as ['all' | 'text' | 'title'];
    const view = viewOf(key);
    return references.map((_, i) =>
      field === 'text'
        ? text[i]![view]
        : field === 'title'
          ? title[i]![view]
          : concat(text[i]!, title[i])[view],
    );
  };
  const indexes = Object.fromEntries(
    INDEXED.map((key) => [key, new Bm25Index(docsFor(key), options.bm25)]),
  ) as Record<IndexedView, Bm25Index>;
  return {
    references,
    indexes,
    lengths: Int32Array.from(references, (_, i) => text[i]!.stems.length + title[i]!.stems.length),
    options: analyse,
  };
}

export function analyseQuery(index: ReferenceIndex, text: string): AnalysedQuery {
  const views = analyseText(text, index.options);
  const prepared = Object.fromEntries(
    INDEXED.map((key) => [key, index.indexes[key].prepare(views[viewOf(key)])]),
  ) as Record<IndexedView, PreparedQuery>;
  return { text, views, prepared };
}

/**
 * First stage: BM25 over stems of text+title, plus the cross-lingual ids (entities, terms, numbers) so a
 * Vietnamese claim reaches an English fact that shares its entities. Returns candidates best first with
 * their first-stage scores.
 */
export function retrieveCandidates(
  index: ReferenceIndex,
  query: AnalysedQuery,
  depth: number,
  scratch: Float32Array = new Float32Array(index.references.length),
): { docs: number[]; scores: number[] } {
  const touched: number[] = [];
  index.indexes['all.stems'].scoreAll(query.prepared['all.stems'], scratch, touched);
  index.indexes['all.ids'].scoreAll(query.prepared['all.ids'], scratch, touched);
  const docs = topK(scratch, touched, depth);
  const scores = docs.map((d) => scratch[d]!);
  for (const d of touched) scratch[d] = 0;
  return { docs, scores };
}
