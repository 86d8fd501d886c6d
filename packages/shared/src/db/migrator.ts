import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

export function createMigrator<T>(db: Kysely<T>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

export class MigrationError extends Error {
  constructor(cause: unknown, results: MigrationResultSet['results']) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    super(`Migration ${failed} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
  }
}

/** Brings the schema to the newest migration; returns the names applied now. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) throw new MigrationError(error, results);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
