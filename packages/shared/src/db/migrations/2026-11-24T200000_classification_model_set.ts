import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has landed; add a new one.

/** The classifier's sweeper looks for classifications made by another model set than the active one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index classifications_model_set_idx on classifications (model_set)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index classifications_model_set_idx`.execute(db);
}
