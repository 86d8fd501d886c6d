import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has landed; add a new one.

const statements = [
  `create table users (
    id uuid primary key default gen_random_uuid(),
    email text not null,
    display_name text not null,
    password_hash text not null,
    roles text[] not null check (roles <@ array['monitor','writer','manager','admin']::text[] and cardinality(roles) > 0),
    locale text not null default 'vi' check (locale in ('vi','en')),
    failed_login_count integer not null default 0,
    locked_until timestamptz,
    is_disabled boolean not null default false,
    created_at timestamptz not null default now()
    )`,
  `create unique index users_email_key on users (lower(email))`,
  `create table sessions (
    id text primary key,
    user_id uuid not null references users(id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    last_seen_at timestamptz not null default now()
    )`,
  `create index sessions_user_id_idx on sessions (user_id)`,
  `create table sources (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    kind text not null check (kind in ('feed','sitemap','listing','homepage','url')),
    url text not null unique,
    language_hint text,
    priority real not null default 1 check (priority >= 0 and priority <= 10),
    poll_interval_seconds integer not null default 3600 check (poll_interval_seconds >= 60),
    render boolean not null default false,
    selectors jsonb not null default '{}'::jsonb,
    is_enabled boolean not null default true,
    next_poll_at timestamptz not null default now(),
    last_polled_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
    )`,
  `create table pages (
    id uuid primary key default gen_random_uuid(),
    source_id uuid references sources(id) on delete set null,
    url text not null,
    url_key text not null unique,
    status text not null default 'discovered' check (status in ('discovered','fetched','extracted','failed','skipped')),
    listed_title text,
    listed_published_at timestamptz,
    discovered_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
    )`,
  `create index pages_status_idx on pages (status, updated_at)`,
  `create table fetches (
    id uuid primary key default gen_random_uuid(),
    page_id uuid references pages(id) on delete cascade,
    source_id uuid references sources(id) on delete cascade,
    url text not null,
    outcome text not null check (outcome in ('ok','not_modified','permanent','transient','politeness','bug')),
    http_status integer,
    reason text,
    content_type text,
    bytes integer,
    sha256 text,
    started_at timestamptz not null default now(),
    duration_ms integer
    )`,
  `create index fetches_page_id_idx on fetches (page_id, started_at)`,
  `create index fetches_source_id_idx on fetches (source_id, started_at)`,
  `create table snapshots (
    id uuid primary key default gen_random_uuid(),
    page_id uuid not null references pages(id) on delete cascade,
    sha256 text not null,
    body_gzip bytea not null,
    content_type text,
    headers jsonb not null default '{}'::jsonb,
    fetched_at timestamptz not null,
    unique (page_id, sha256)
    )`,
  `create table documents (
    id uuid primary key default gen_random_uuid(),
    page_id uuid not null unique references pages(id) on delete cascade,
    source_id uuid references sources(id) on delete set null,
    url text not null,
    canonical_url text,
    title text,
    text text not null,
    lang text,
    published_at timestamptz,
    published_reliability text not null default 'none' check (published_reliability in ('high','medium','low','none')),
    extractor text not null,
    content_hash text not null,
    status text not null default 'extracted' check (status in ('extracted','classified','failed')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
    )`,
  `create index documents_status_idx on documents (status, updated_at)`,
  `create index documents_content_hash_idx on documents (content_hash)`,
  `create table classifications (
    document_id uuid primary key references documents(id) on delete cascade,
    lang text,
    lang_score real,
    relevance real not null,
    relevance_triggers jsonb not null default '[]'::jsonb,
    models jsonb not null default '[]'::jsonb,
    model_set text not null,
    classified_at timestamptz not null default now()
    )`,
  `create table claims (
    id uuid primary key default gen_random_uuid(),
    document_id uuid not null references documents(id) on delete cascade,
    start_offset integer not null check (start_offset >= 0),
    end_offset integer not null,
    text text not null,
    checkworthiness real not null,
    claim_type text not null check (claim_type in ('relations_established','partnership_level','membership','visit_meeting','agreement_signed','figure','quote','other')),
    entities jsonb not null default '[]'::jsonb,
    dates jsonb not null default '[]'::jsonb,
    quantities jsonb not null default '[]'::jsonb,
    model_id text not null,
    model_revision text not null,
    created_at timestamptz not null default now(),
    check (end_offset > start_offset),
    unique (document_id, start_offset, end_offset)
    )`,
  `create table flags (
    id uuid primary key default gen_random_uuid(),
    claim_id uuid not null references claims(id) on delete cascade,
    document_id uuid not null references documents(id) on delete cascade,
    reason text not null check (reason in ('contradicts_verified_fact','repeats_known_narrative','unverified_checkworthy')),
    status text not null default 'suggested' check (status in ('suggested','confirmed','dismissed','escalated')),
    score real not null,
    priority real not null,
    evidence jsonb not null,
    models jsonb not null default '[]'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    decided_by uuid references users(id) on delete set null,
    decided_at timestamptz,
    unique (claim_id, reason)
    )`,
  `create index flags_status_priority_idx on flags (status, priority desc, created_at desc)`,
  `create index flags_document_id_idx on flags (document_id)`,
  `create table audit_events (
    id uuid primary key default gen_random_uuid(),
    occurred_at timestamptz not null default now(),
    actor_user_id uuid references users(id) on delete set null,
    action text not null,
    entity_type text not null,
    entity_id text not null,
    before jsonb,
    after jsonb
    )`,
  `create index audit_events_entity_idx on audit_events (entity_type, entity_id, occurred_at)`,
  `create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
    raise exception 'audit_events is append-only';
    end $$`,
  `create trigger audit_events_no_update before update or delete on audit_events
    for each row execute function audit_events_append_only()`,
];

// PGlite's extended protocol runs one statement per query, so each runs on its own.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'audit_events',
    'flags',
    'claims',
    'classifications',
    'documents',
    'snapshots',
    'fetches',
    'pages',
  ];
  for (const table of [...tables, 'sources', 'sessions', 'users'])
    await sql.raw(`drop table ${table}`).execute(db);
  await sql.raw('drop function audit_events_append_only()').execute(db);
}
