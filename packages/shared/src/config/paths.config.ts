import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Env, parseEnv } from './env.ts';

/** The repository checkout this code runs from (packages/shared/src/config → four levels up). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export const pathsEnv = z.object({
  CLAIMWATCH_DATA_DIR: z
    .string()
    .default(path.join(repoRoot, '.data'))
    .describe(
      'Where local state lives: embedded database, Redis files, snapshots, logs. Default: <repo>/.data',
    ),
  CLAIMWATCH_MODELS_DIR: z
    .string()
    .optional()
    .describe('Directory of operator-supplied models (transformers.js layout). Default: <data dir>/models'),
});

export type PathsConfig = { dataDir: string; modelsDir: string };

export function loadPathsConfig(env: Env): PathsConfig {
  const v = parseEnv('paths', pathsEnv, env);
  const dataDir = path.resolve(v.CLAIMWATCH_DATA_DIR);
  return { dataDir, modelsDir: path.resolve(v.CLAIMWATCH_MODELS_DIR ?? path.join(dataDir, 'models')) };
}
