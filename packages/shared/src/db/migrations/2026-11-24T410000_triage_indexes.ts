import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has landed; add a new one.
// Indexes for the triage queue's filters and its live counter (measured with `pnpm bench:ui`).

const statements = [
  // "Claims naming this country or organisation": claims.entities @> '[{"id": "CN"}]'.
  `create index claims_entities_idx on claims using gin (entities jsonb_path_ops)`,
  `create index documents_lang_idx on documents (lang)`,
  `create index documents_source_id_idx on documents (source_id)`,
  // The live counter: suggested flags created after a moment.
  `create index flags_status_created_idx on flags (status, created_at)`,
];

// PGlite's extended protocol runs one statement per query, so each runs on its own.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'flags_status_created_idx',
    'documents_source_id_idx',
    'documents_lang_idx',
    'claims_entities_idx',
  ])
    await sql.raw(`drop index ${index}`).execute(db);
}
