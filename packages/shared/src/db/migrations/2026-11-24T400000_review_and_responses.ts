import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has landed; add a new one.
// The review stage's tables, laid down together so triage, responses and the digest share one schema.

const statements = [
  // Triage decisions: why a flag was dismissed (the digest reports dismiss reasons per model version),
  // who it is assigned to, and when it was first opened by a person.
  `alter table flags add column dismiss_reason text
    check (dismiss_reason in ('not_a_claim','not_relevant','claim_is_true','wrong_reference','duplicate','other'))`,
  `alter table flags add column assigned_to uuid references users(id) on delete set null`,
  `alter table flags add column first_seen_at timestamptz`,
  `create table flag_notes (
    id uuid primary key default gen_random_uuid(),
    flag_id uuid not null references flags(id) on delete cascade,
    author_id uuid references users(id) on delete set null,
    body text not null check (length(body) between 1 and 5000),
    created_at timestamptz not null default now()
    )`,
  `create index flag_notes_flag_idx on flag_notes (flag_id, created_at)`,
  `create table saved_filters (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    name text not null check (length(name) between 1 and 100),
    query jsonb not null,
    created_at timestamptz not null default now(),
    unique (user_id, name)
    )`,
  `create table responses (
    id uuid primary key default gen_random_uuid(),
    template text not null check (template in ('official_statement','social_reply','qa_explainer')),
    verdict_label text not null check (verdict_label in ('false','misleading','missing_context','unverified','true')),
    status text not null default 'draft' check (status in ('draft','in_review','approved','published')),
    text_vi text not null default '',
    text_en text not null default '',
    text_vi_updated_at timestamptz,
    text_en_updated_at timestamptz,
    version integer not null default 1 check (version >= 1),
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    submitted_at timestamptz,
    approved_by uuid references users(id) on delete set null,
    approved_at timestamptz,
    approved_version integer,
    published_at timestamptz
    )`,
  `create index responses_status_idx on responses (status, updated_at desc)`,
  // The flags (claims) a response answers.
  `create table response_flags (
    response_id uuid not null references responses(id) on delete cascade,
    flag_id uuid not null references flags(id) on delete cascade,
    primary key (response_id, flag_id)
    )`,
  `create index response_flags_flag_idx on response_flags (flag_id)`,
  // What a response cites: a verified fact (by id and version) or a source URL, with an optional quoted
  // passage that the citation check looks for in the archived snapshot.
  `create table response_citations (
    response_id uuid not null references responses(id) on delete cascade,
    position integer not null check (position >= 0),
    kind text not null check (kind in ('verified_fact','source')),
    fact_id text references verified_facts(id) on delete restrict,
    url text,
    title text,
    quote text,
    primary key (response_id, position),
    check ((kind = 'verified_fact' and fact_id is not null) or (kind = 'source' and url is not null))
    )`,
  `create table response_versions (
    response_id uuid not null references responses(id) on delete cascade,
    version integer not null,
    status text not null,
    snapshot jsonb not null,
    changed_by uuid references users(id) on delete set null,
    changed_at timestamptz not null default now(),
    primary key (response_id, version)
    )`,
];

// PGlite's extended protocol runs one statement per query, so each runs on its own.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'response_versions',
    'response_citations',
    'response_flags',
    'responses',
    'saved_filters',
    'flag_notes',
  ])
    await sql.raw(`drop table ${table}`).execute(db);
  for (const column of ['first_seen_at', 'assigned_to', 'dismiss_reason'])
    await sql.raw(`alter table flags drop column ${column}`).execute(db);
}
