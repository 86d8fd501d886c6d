import type { EntityFinder } from './analyse-text.ts';
import { type Ranker, scoreRanker } from './linear-ranker.ts';
import { computeFeatures } from './rank-features.ts';
import {
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
};

export type Matcher = {
  index: ReferenceIndex;
  match(text: string, k: number, options?: AnalyseQueryOptions): Match[];
};

export const DEFAULT_DEPTH = 50;

/**
 * Claim → references: BM25 candidates over stems and language-neutral ids (and the references of the closest
 * confirmed phrasings), re-ranked by a learned model over lexical features of several fields and
 * tokenisations (see rank-features.ts).
 */
export function createMatcher(references: readonly Reference[], options: MatcherOptions = {}): Matcher {
  const index = buildReferenceIndex(references, { findEntities: options.findEntities });
  const ranker = options.ranker;
  const depth = options.depth ?? DEFAULT_DEPTH;
  const scratch = new Float32Array(references.length);
  return {
    index,
    match(text, k, queryOptions) {
      const query = analyseQuery(index, text, queryOptions);
      const candidates = retrieveCandidates(index, query, Math.max(depth, k), scratch);
      const rows = ranker ? computeFeatures(index, query, candidates) : [];
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
