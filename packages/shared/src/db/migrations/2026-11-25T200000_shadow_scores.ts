import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has landed; add a new one.
// Shadow mode: a second check-worthiness model scores every stored claim next to the active one. It
// proposes nothing (no flag); the digest scores it against what people decided about the active flags.

const statements = [
  `create table shadow_scores (
    claim_id uuid not null references claims (id) on delete cascade,
    model_id text not null,
    model_revision text not null,
    score real not null check (score >= 0 and score <= 1),
    threshold real not null check (threshold >= 0 and threshold <= 1),
    would_flag boolean not null,
    created_at timestamptz not null default now(),
    primary key (claim_id, model_id, model_revision)
    )`,
  // The digest reads a week's scores by when they were made.
  `create index if not exists shadow_scores_created_idx on shadow_scores (created_at)`,
];

// PGlite's extended protocol runs one statement per query, so each runs on its own.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index if exists shadow_scores_created_idx').execute(db);
  await sql.raw('drop table shadow_scores').execute(db);
}
