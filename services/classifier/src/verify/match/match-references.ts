import type { EntityFinder } from './analyse-text.ts';
import type { DenseIndex } from './dense-fusion.ts';
import { appendDenseFeatures, DENSE_CANDIDATES, scoreDense, withDenseCandidates } from './dense-rerank.ts';
import { type Ranker, scoreRanker } from './linear-ranker.ts';
import { type Candidates, computeFeatures } from './rank-features.ts';
import {
  type AnalysedQuery,
  type AnalyseQueryOptions,
  analyseQuery,
  buildReferenceIndex,
  type Reference,
  type ReferenceIndex,
  retrieveCandidates,
} from './reference-index.ts';

export type Match = {
  id: string;
  /** Re-ranker score: comparable within one query only. */
  score: number;
  /** First-stage BM25 score and the candidate's rank before re-ranking. */
  lexical: number;
  lexicalRank: number;
};

export type MatcherOptions = {
  findEntities?: EntityFinder | undefined;
  /** Candidates taken from the first stage into re-ranking. */
  depth?: number;
  /** Without one, the first stage's order (BM25 over stems + ids). */
  ranker?: Ranker | undefined;
  /** A ranker trained with a sentence-embedding model's features, for queries that come with a vector. */
  dense?: DenseReranking | undefined;
};

/** The references embedded by the model `ranker` was trained with (see dense-rerank.ts). */
export type DenseReranking = { index: DenseIndex; ranker: Ranker; candidates?: number };

export type MatchOptions = AnalyseQueryOptions & {
  /** The query's unit-length vector from the dense model; without it, the lexical ranker decides. */
  vector?: Float32Array | undefined;
};

export type Matcher = {
  index: ReferenceIndex;
  match(text: string, k: number, options?: MatchOptions): Match[];
};

export const DEFAULT_DEPTH = 50;

/**
 * Claim → references: BM25 candidates over stems and language-neutral ids (and the references of the closest
 * confirmed phrasings), re-ranked by a learned model over lexical features of several fields and
 * tokenisations (see rank-features.ts). A query given with a sentence vector also gets the dense model's
 * nearest references as candidates and is re-ranked by the ranker trained with its features.
 */
export function createMatcher(references: readonly Reference[], options: MatcherOptions = {}): Matcher {
  const index = buildReferenceIndex(references, { findEntities: options.findEntities });
  const depth = options.depth ?? DEFAULT_DEPTH;
  const scratch = new Float32Array(references.length);
  /** The candidates, their feature rows and the ranker that scores them: the dense one given a vector. */
  const rankingInputs = (query: AnalysedQuery, lexical: Candidates, vector: Float32Array | undefined) => {
    const dense = options.dense;
    if (dense && vector) {
      const scores = scoreDense(dense.index, vector);
      const candidates = withDenseCandidates(lexical, scores, dense.candidates ?? DENSE_CANDIDATES);
      const rows = appendDenseFeatures(computeFeatures(index, query, candidates), candidates.docs, scores);
      return { candidates, rows, ranker: dense.ranker };
    }
    const ranker = options.ranker;
    return { candidates: lexical, rows: ranker ? computeFeatures(index, query, lexical) : [], ranker };
  };
  return {
    index,
    match(text, k, queryOptions) {
      const query = analyseQuery(index, text, queryOptions);
      const lexical = retrieveCandidates(index, query, Math.max(depth, k), scratch);
      const { candidates, rows, ranker } = rankingInputs(query, lexical, queryOptions?.vector);
      const matches = candidates.docs.map((doc, i) => ({
        id: references[doc]!.id,
        score: ranker ? scoreRanker(ranker, rows[i]!) : candidates.scores[i]!,
        lexical: candidates.scores[i]!,
        lexicalRank: i,
      }));
      matches.sort((a, b) => b.score - a.score || a.lexicalRank - b.lexicalRank);
      return matches.slice(0, k);
    },
  };
}
