import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has landed; add a new one.
// The weekly digest: one stored document per ISO week (locale-independent JSON; the UI, the e-mail and
// the exports render it in vi or en). Building a week again replaces it with the same figures.

const statements = [
  `create table digests (
    week text primary key check (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    period_start timestamptz not null,
    period_end timestamptz not null,
    timezone text not null,
    data jsonb not null,
    data_sha256 text not null,
    built_at timestamptz not null default now(),
    delivered_at timestamptz,
    delivered_to jsonb,
    check (period_end > period_start)
    )`,
  // The coverage and volume queries count documents, flags and fetches by time window.
  `create index if not exists digest_documents_created_idx on documents (created_at)`,
  `create index if not exists digest_flags_created_idx on flags (created_at)`,
  `create index if not exists digest_flags_decided_idx on flags (decided_at) where decided_at is not null`,
  `create index if not exists digest_fetches_started_idx on fetches (started_at)`,
];

// PGlite's extended protocol runs one statement per query, so each runs on its own.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'digest_fetches_started_idx',
    'digest_flags_decided_idx',
    'digest_flags_created_idx',
    'digest_documents_created_idx',
  ])
    await sql.raw(`drop index if exists ${index}`).execute(db);
  await sql.raw('drop table digests').execute(db);
}
