import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has landed; add a new one.
// Optional TOTP second factor: the shared secret (base32) while enrolling or enrolled, and when it was
// confirmed with a first valid code (only then does login ask for a code). The last accepted time step
// refuses a replayed code.

const statements = [
  `alter table users add column totp_secret text`,
  `alter table users add column totp_enabled_at timestamptz`,
  `alter table users add column totp_last_step integer`,
  `create index audit_events_occurred_idx on audit_events (occurred_at)`,
  `create index audit_events_actor_idx on audit_events (actor_user_id, occurred_at)`,
];

// PGlite's extended protocol runs one statement per query, so each runs on its own.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index audit_events_actor_idx').execute(db);
  await sql.raw('drop index audit_events_occurred_idx').execute(db);
  for (const column of ['totp_last_step', 'totp_enabled_at', 'totp_secret'])
    await sql.raw(`alter table users drop column ${column}`).execute(db);
}
