import path from 'node:path';
import { z } from 'zod';
import { type Env, parseEnv } from './env.ts';
import { repoRoot } from './paths.config.ts';

export const evaluationEnv = z.object({
  CLAIMWATCH_SHARED_DATA: z
    .string()
    .default(path.join(repoRoot, '..', 'shared', 'data'))
    .describe(
      'Third-party development data read by the `pnpm eval:*` scripts (never copied into the repository). Default: <repo>/../shared/data',
    ),
});

export type EvaluationConfig = { sharedDataDir: string };

export function loadEvaluationConfig(env: Env): EvaluationConfig {
  const v = parseEnv('evaluation', evaluationEnv, env);
  return { sharedDataDir: path.resolve(v.CLAIMWATCH_SHARED_DATA) };
}
