import { z } from 'zod';
import { type Env, envInt, parseEnv } from './env.ts';

export const databaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional()
    .describe(
      'PostgreSQL connection URL. Unset: the embedded PGlite database under <data dir>/pglite (single process: `claimwatch start`).',
    ),
  DATABASE_POOL_MAX: envInt(10, 1, 200).describe('Maximum connections per process to PostgreSQL.'),
});

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolMax: number }
  | { kind: 'pglite'; dataDir: string };

export function loadDatabaseConfig(env: Env, dataDir: string): DatabaseConfig {
  const v = parseEnv('database', databaseEnv, env);
  if (v.DATABASE_URL) return { kind: 'postgres', url: v.DATABASE_URL, poolMax: v.DATABASE_POOL_MAX };
  return { kind: 'pglite', dataDir: `${dataDir}/pglite` };
}
