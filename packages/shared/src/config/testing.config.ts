import { z } from 'zod';
import { type Env, parseEnv } from './env.ts';

/** Read by the test fixtures only (vitest projects set CLAIMWATCH_TEST_DB). */
export const testingEnv = z.object({
  CLAIMWATCH_TEST_DB: z
    .enum(['postgres', 'pglite'])
    .default('pglite')
    .describe('Which database the integration tests of this run use; `pnpm test:int` runs both.'),
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
    .default('postgres://claimwatch@127.0.0.1:5433/postgres')
    .describe(
      'A PostgreSQL server where tests may create databases (default: the project-managed one, infra/scripts/postgres.sh).',
    ),
});

export type TestingConfig = { db: 'postgres' | 'pglite'; adminUrl: string };

export function loadTestingConfig(env: Env): TestingConfig {
  const v = parseEnv('testing', testingEnv, env);
  return { db: v.CLAIMWATCH_TEST_DB, adminUrl: v.TEST_DATABASE_URL };
}
