import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has landed; add a new one.

const referenceColumns = `
    status text not null default 'active' check (status in ('active','retired')),
    version integer not null default 1 check (version >= 1),
    provenance text not null,
    approved_by uuid references users(id) on delete set null,
    approved_by_name text,
    approved_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()`;

const statements = [
  `create table verified_facts (
    id text primary key check (id ~ '^[a-z0-9][a-z0-9-]*$'),
    kind text not null check (kind in ('diplomatic_relations','partnership','membership','agreement','defence_policy','figure','other')),
    structured jsonb not null,
    text_vi text not null check (length(text_vi) > 0),
    text_en text not null check (length(text_en) > 0),
    sources jsonb not null check (jsonb_typeof(sources) = 'array' and jsonb_array_length(sources) > 0),
    tags jsonb not null default '[]'::jsonb,${referenceColumns}
    )`,
  `create table verified_fact_versions (
    fact_id text not null references verified_facts(id) on delete cascade,
    version integer not null,
    snapshot jsonb not null,
    changed_by uuid references users(id) on delete set null,
    change_note text,
    changed_at timestamptz not null default now(),
    primary key (fact_id, version)
    )`,
  `create table known_narratives (
    id text primary key check (id ~ '^[a-z0-9][a-z0-9-]*$'),
    title_vi text not null,
    title_en text not null,
    description_vi text not null,
    description_en text not null,
    example_phrasings jsonb not null default '[]'::jsonb,
    refuted_by jsonb not null default '[]'::jsonb,
    first_seen text,${referenceColumns}
    )`,
  `create table known_narrative_versions (
    narrative_id text not null references known_narratives(id) on delete cascade,
    version integer not null,
    snapshot jsonb not null,
    changed_by uuid references users(id) on delete set null,
    change_note text,
    changed_at timestamptz not null default now(),
    primary key (narrative_id, version)
    )`,
  `create table claim_reviews (
    id uuid primary key default gen_random_uuid(),
    url text not null unique,
    claim_reviewed text not null,
    rating text,
    author_name text,
    date_published text,
    lang text,
    item_reviewed jsonb,
    raw jsonb not null,
    imported_at timestamptz not null default now()
    )`,
  `create table flag_references (
    flag_id uuid not null references flags(id) on delete cascade,
    reference_kind text not null check (reference_kind in ('verified_fact','known_narrative','claim_review','response')),
    reference_id text not null,
    reference_version integer not null,
    score real not null,
    primary key (flag_id, reference_kind, reference_id)
    )`,
  `create index flag_references_reference_idx on flag_references (reference_kind, reference_id)`,
  `create table reference_changes (
    id uuid primary key default gen_random_uuid(),
    reference_kind text not null check (reference_kind in ('verified_fact','known_narrative','claim_review','response')),
    reference_id text not null,
    version integer not null,
    occurred_at timestamptz not null default now(),
    processed_at timestamptz
    )`,
  `create index reference_changes_pending_idx on reference_changes (occurred_at) where processed_at is null`,
];

// PGlite's extended protocol runs one statement per query, so each runs on its own.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'reference_changes',
    'flag_references',
    'claim_reviews',
    'known_narrative_versions',
    'known_narratives',
    'verified_fact_versions',
    'verified_facts',
  ])
    await sql.raw(`drop table ${table}`).execute(db);
}
