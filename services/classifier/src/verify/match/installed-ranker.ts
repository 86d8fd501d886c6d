import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelRef } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import { DENSE_RANKED_FEATURES } from './dense-rerank.ts';
import type { Ranker } from './linear-ranker.ts';
import { FEATURE_NAMES } from './rank-features.ts';

/**
 * The learned re-ranker lives in the models directory, not in the repository: it is trained on research-use
 * data (CLEF CheckThat!) by `pnpm eval:match`. Without it, matching is the
 * first stage alone (BM25 over stems + language-neutral ids).
 */
export const MATCH_RANKER_ID = 'claimwatch-match-ranker';

export type RankerFile = {
  id: string;
  revision: string;
  /** Lexical features only: for every query. */
  ranker: Ranker;
  /** Trained with a sentence-embedding model's features too: for queries in that model's languages. */
  dense?: DenseRankerPart | undefined;
  training: Record<string, unknown>;
};

export type DenseRankerPart = {
  /** The model whose vectors the ranker was trained on; another model's cosines would mean something else. */
  embedding: ModelRef;
  /** The languages the model was made for (empty: any). */
  languages: string[];
  ranker: Ranker;
};

const sameFeatures = (ranker: Ranker | undefined, names: readonly string[]) =>
  ranker?.features?.join(',') === names.join(',');

export const rankerPath = (modelsDir: string) => path.join(modelsDir, MATCH_RANKER_ID, 'ranker.json');

export function readInstalledRanker(modelsDir: string): RankerFile | undefined {
  const file = rankerPath(modelsDir);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as RankerFile;
  if (
    !sameFeatures(parsed.ranker, FEATURE_NAMES) ||
    (parsed.dense && !sameFeatures(parsed.dense.ranker, DENSE_RANKED_FEATURES))
  )
    throw new AppError(
      'model_corrupt',
      `${file} was trained on other features; train it again with \`pnpm eval:match\``,
    );
  return parsed;
}

export function writeInstalledRanker(modelsDir: string, file: RankerFile): string {
  const target = rankerPath(modelsDir);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(file, null, 2)}\n`);
  return target;
}
