import { type AnalyseOptions, analyseText, type TextViews } from './analyse-text.ts';
import { Bm25Index, type Bm25Params, type PreparedQuery, topK } from './bm25-index.ts';
import { type Phrasing, PhrasingIndex, type PhrasingMatch } from './phrasing-index.ts';

/** Something a claim can be matched to: a verified fact, a known narrative, a fact-check, a past response. */
export type Reference = {
  id: string;
  text: string;
  title?: string | undefined;
  /** Other wordings people confirmed (claims linked to it by a reviewer): matched as well as `text`. */
  phrasings?: readonly Phrasing[] | undefined;
};

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
  /** Confirmed phrasings of the references, when any reference has some. */
  phrasings: PhrasingIndex | undefined;
  options: AnalyseOptions;
};

export type AnalysedQuery = {
  text: string;
  views: TextViews;
  prepared: Record<IndexedView, PreparedQuery>;
  /** The closest confirmed phrasing of each reference that shares a term with the query (by doc). */
  phrasings: ReadonlyMap<number, PhrasingMatch>;
};

/** References whose confirmed phrasings match a query best are added to the first stage's candidates. */
export const PHRASING_CANDIDATES = 10;

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
    phrasings: buildPhrasingIndex(references, analyse),
    options: analyse,
  };
}

function buildPhrasingIndex(references: readonly Reference[], analyse: AnalyseOptions) {
  const stems: string[][] = [];
  const referenceOf: number[] = [];
  const sources: (string | undefined)[] = [];
  references.forEach((r, doc) => {
    for (const p of r.phrasings ?? []) {
      stems.push(analyseText(p.text, analyse).stems);
      referenceOf.push(doc);
      sources.push(p.source);
    }
  });
  return stems.length > 0 ? new PhrasingIndex(stems, Int32Array.from(referenceOf), sources) : undefined;
}

export type AnalyseQueryOptions = {
  /** Leave out confirmed phrasings from this source (a query must not find its own confirmation). */
  excludeSource?: string | undefined;
};

export function analyseQuery(
  index: ReferenceIndex,
  text: string,
  options: AnalyseQueryOptions = {},
): AnalysedQuery {
  const views = analyseText(text, index.options);
  const prepared = Object.fromEntries(
    INDEXED.map((key) => [key, index.indexes[key].prepare(views[viewOf(key)])]),
  ) as Record<IndexedView, PreparedQuery>;
  const phrasings = index.phrasings
    ? index.phrasings.bestByReference(index.phrasings.prepare(views.stems), options.excludeSource)
    : new Map<number, PhrasingMatch>();
  return { text, views, prepared, phrasings };
}

/**
 * First stage: BM25 over stems of text+title, plus the cross-lingual ids (entities, terms, numbers) so a
 * Vietnamese claim reaches an English fact that shares its entities; plus the references of the
 * `PHRASING_CANDIDATES` closest confirmed phrasings. Returns candidates best first with their first-stage
 * scores.
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
  const remembered = [...query.phrasings]
    .sort((a, b) => b[1].bm25 - a[1].bm25 || a[0] - b[0])
    .slice(0, PHRASING_CANDIDATES)
    .map(([doc]) => doc)
    .filter((doc) => !docs.includes(doc));
  if (remembered.length > 0) {
    docs.push(...remembered);
    docs.sort((a, b) => scratch[b]! - scratch[a]! || a - b);
  }
  const scores = docs.map((d) => scratch[d]!);
  for (const d of touched) scratch[d] = 0;
  return { docs, scores };
}
