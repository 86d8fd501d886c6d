import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@claimwatch/shared/errors';
import type { Ranker } from './linear-ranker.ts';
import { FEATURE_NAMES } from './rank-features.ts';

/**
 * The learned re-ranker lives in the models directory, not in the repository: it is trained on research-use
 * data (CLEF CheckThat!) by `pnpm eval:match` / `claimwatch match --train`. Without it, matching is the
 * first stage alone (BM25 over stems + language-neutral ids).
 */
export const MATCH_RANKER_ID = 'claimwatch-match-ranker';

export type RankerFile = {
  id: string;
  revision: string;
  ranker: Ranker;
  training: Record<string, unknown>;
};

export const rankerPath = (modelsDir: string) => path.join(modelsDir, MATCH_RANKER_ID, 'ranker.json');

export function readInstalledRanker(modelsDir: string): RankerFile | undefined {
  const file = rankerPath(modelsDir);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as RankerFile;
  if (parsed.ranker?.features?.join(',') !== FEATURE_NAMES.join(','))
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
