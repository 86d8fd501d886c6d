import path from 'node:path';
import { z } from 'zod';
import { type Env, parseEnv } from './env.ts';
import { repoRoot } from './paths.config.ts';

export const evaluationEnv = z.object({
  CLAIMWATCH_SHARED_DATA: z
    .string()
    .optional()
    .describe(
      'Third-party development data read by the `pnpm eval:*` scripts (never copied into the repository). Default: <repo>/../shared/data',
    ),
});

export type EvaluationConfig = { sharedDataDir: string };

export function loadEvaluationConfig(env: Env): EvaluationConfig {
  const v = parseEnv('evaluation', evaluationEnv, env);
  // The default depends on where the repository is checked out, so it is resolved here rather than in
  // the schema (the generated docs must read the same in every checkout).
  return {
    sharedDataDir: path.resolve(v.CLAIMWATCH_SHARED_DATA ?? path.join(repoRoot, '..', 'shared', 'data')),
  };
}
