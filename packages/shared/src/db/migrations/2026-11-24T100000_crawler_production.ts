import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has landed; add a new one.
// Crawler at production grade: conditional GET and adaptive polling state on sources, error codes on
// fetches, lead image and MinHash signature on documents, and near-duplicate clusters with their appearances.

const statements = [
  `alter table sources add column etag text`,
  `alter table sources add column last_modified text`,
  `alter table sources add column last_body_sha256 text`,
  `alter table sources add column adaptive_interval_seconds integer check (adaptive_interval_seconds >= 60)`,
  `alter table sources add column consecutive_failures integer not null default 0`,
  `alter table sources add column last_error text`,
  `alter table fetches add column error_code text`,
  `alter table documents add column lead_image_url text`,
  `alter table documents add column minhash text check (minhash ~ '^[0-9a-f]+$' and length(minhash) = 512)`,
  `alter table documents drop constraint documents_status_check`,
  `alter table documents add constraint documents_status_check check (status in ('extracted','classified','failed','duplicate'))`,
  `create table document_clusters (
    id uuid primary key default gen_random_uuid(),
    representative_document_id uuid not null references documents(id) on delete cascade,
    appearance_count integer not null default 1,
    first_seen_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now()
    )`,
  `create table cluster_appearances (
    id uuid primary key default gen_random_uuid(),
    cluster_id uuid not null references document_clusters(id) on delete cascade,
    document_id uuid not null unique references documents(id) on delete cascade,
    source_id uuid references sources(id) on delete set null,
    url text not null,
    match text not null check (match in ('first','exact','near')),
    similarity real not null check (similarity >= 0 and similarity <= 1),
    appeared_at timestamptz not null default now()
    )`,
  `create index cluster_appearances_cluster_id_idx on cluster_appearances (cluster_id, appeared_at)`,
  `create table document_fingerprints (
    document_id uuid not null references documents(id) on delete cascade,
    band smallint not null check (band >= 0 and band < 16),
    value integer not null,
    primary key (document_id, band)
    )`,
  `create index document_fingerprints_band_value_idx on document_fingerprints (band, value)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    'drop table document_fingerprints',
    'drop table cluster_appearances',
    'drop table document_clusters',
    `alter table documents drop constraint documents_status_check`,
    `alter table documents add constraint documents_status_check check (status in ('extracted','classified','failed'))`,
    'alter table documents drop column minhash',
    'alter table documents drop column lead_image_url',
    'alter table fetches drop column error_code',
    'alter table sources drop column last_error',
    'alter table sources drop column consecutive_failures',
    'alter table sources drop column adaptive_interval_seconds',
    'alter table sources drop column last_body_sha256',
    'alter table sources drop column last_modified',
    'alter table sources drop column etag',
  ])
    await sql.raw(statement).execute(db);
}
