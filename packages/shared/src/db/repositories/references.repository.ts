import type { Selectable } from 'kysely';
import type { KnownNarrative, VerifiedFact } from '../../domain/index.ts';
import type { Db } from '../connection.ts';
import type { ClaimReviews, JsonValue } from '../generated/schema.ts';
import { recordAuditEvent } from './audit.repository.ts';
import { recordReferenceChange } from './reference-links.repository.ts';

/** Who approved a reference, and who made this change (a user, or the name given on an import). */
export type ReferenceApproval = {
  provenance: string;
  approvedByUserId?: string | null;
  approvedByName?: string | null;
  changedByUserId?: string | null;
  note?: string | null;
};

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

export type StoredReference<T> = T & {
  version: number;
  provenance: string;
  approvedByUserId: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  updatedAt: Date;
};

/** JSON with object keys sorted: jsonb reorders keys, so equality is checked on this form. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

const json = (v: unknown) => JSON.stringify(v);

// ---------- verified facts ----------

type FactRow = {
  id: string;
  kind: string;
  structured: unknown;
  text_vi: string;
  text_en: string;
  sources: unknown;
  tags: unknown;
  status: string;
  version: number;
  provenance: string;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  updated_at: Date;
};

function factOf(row: FactRow): StoredReference<VerifiedFact> {
  return {
    id: row.id,
    kind: row.kind as VerifiedFact['kind'],
    structured: row.structured as VerifiedFact['structured'],
    text: { vi: row.text_vi, en: row.text_en },
    sources: row.sources as VerifiedFact['sources'],
    tags: row.tags as string[],
    status: row.status as VerifiedFact['status'],
    version: row.version,
    provenance: row.provenance,
    approvedByUserId: row.approved_by,
    approvedByName: row.approved_by_name,
    approvedAt: row.approved_at,
    updatedAt: row.updated_at,
  };
}

const factContent = (f: VerifiedFact) => ({
  kind: f.kind,
  structured: f.structured,
  text: f.text,
  sources: f.sources,
  tags: f.tags,
  status: f.status,
});

/**
 * Creates or edits a fact. An edit that changes its content bumps the version, keeps the previous
 * content in `verified_fact_versions`, records an audit event and a `reference_changes` row (so flags
 * resting on the fact are re-evaluated). Saving identical content changes nothing: imports are idempotent.
 * Call inside a transaction.
 */
export async function saveVerifiedFact(
  db: Db,
  fact: VerifiedFact,
  approval: ReferenceApproval,
): Promise<SaveOutcome> {
  const existing = await getVerifiedFact(db, fact.id);
  if (existing && canonical(factContent(existing)) === canonical(factContent(fact))) return 'unchanged';
  const version = existing ? existing.version + 1 : 1;
  const now = new Date();
  const values = {
    kind: fact.kind,
    structured: json(fact.structured),
    text_vi: fact.text.vi,
    text_en: fact.text.en,
    sources: json(fact.sources),
    tags: json(fact.tags),
    status: fact.status,
    version,
    provenance: approval.provenance,
    approved_by: approval.approvedByUserId ?? null,
    approved_by_name: approval.approvedByName ?? null,
    approved_at: approval.approvedByUserId || approval.approvedByName ? now : null,
    updated_at: now,
  };
  if (existing) await db.updateTable('verified_facts').set(values).where('id', '=', fact.id).execute();
  else
    await db
      .insertInto('verified_facts')
      .values({ id: fact.id, ...values })
      .execute();
  await db
    .insertInto('verified_fact_versions')
    .values({
      fact_id: fact.id,
      version,
      snapshot: json({ ...factContent(fact), provenance: approval.provenance }),
      changed_by: approval.changedByUserId ?? null,
      change_note: approval.note ?? null,
      changed_at: now,
    })
    .execute();
  await recordReferenceChange(db, 'verified_fact', fact.id, version);
  await recordAuditEvent(db, {
    actorUserId: approval.changedByUserId ?? null,
    action: existing ? 'verified_fact.updated' : 'verified_fact.created',
    entityType: 'verified_fact',
    entityId: fact.id,
    before: existing ? (factContent(existing) as JsonValue) : null,
    after: factContent(fact) as JsonValue,
  });
  return existing ? 'updated' : 'created';
}

export async function getVerifiedFact(
  db: Db,
  id: string,
): Promise<StoredReference<VerifiedFact> | undefined> {
  const row = await db.selectFrom('verified_facts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? factOf(row as FactRow) : undefined;
}

export async function listVerifiedFacts(
  db: Db,
  options: { includeRetired?: boolean } = {},
): Promise<StoredReference<VerifiedFact>[]> {
  let query = db.selectFrom('verified_facts').selectAll().orderBy('id');
  if (!options.includeRetired) query = query.where('status', '=', 'active');
  return (await query.execute()).map((r) => factOf(r as FactRow));
}

export type ReferenceVersionRow = {
  version: number;
  snapshot: unknown;
  changedBy: string | null;
  note: string | null;
  changedAt: Date;
};

export async function listVerifiedFactVersions(db: Db, id: string): Promise<ReferenceVersionRow[]> {
  const rows = await db
    .selectFrom('verified_fact_versions')
    .selectAll()
    .where('fact_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    snapshot: r.snapshot,
    changedBy: r.changed_by,
    note: r.change_note,
    changedAt: r.changed_at,
  }));
}

// ---------- known narratives ----------

type NarrativeRow = {
  id: string;
  title_vi: string;
  title_en: string;
  description_vi: string;
  description_en: string;
  example_phrasings: unknown;
  refuted_by: unknown;
  first_seen: string | null;
  status: string;
  version: number;
  provenance: string;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  updated_at: Date;
};

function narrativeOf(row: NarrativeRow): StoredReference<KnownNarrative> {
  return {
    id: row.id,
    title: { vi: row.title_vi, en: row.title_en },
    description: { vi: row.description_vi, en: row.description_en },
    examplePhrasings: row.example_phrasings as KnownNarrative['examplePhrasings'],
    refutedBy: row.refuted_by as string[],
    firstSeen: row.first_seen,
    status: row.status as KnownNarrative['status'],
    version: row.version,
    provenance: row.provenance,
    approvedByUserId: row.approved_by,
    approvedByName: row.approved_by_name,
    approvedAt: row.approved_at,
    updatedAt: row.updated_at,
  };
}

const narrativeContent = (n: KnownNarrative) => ({
  title: n.title,
  description: n.description,
  examplePhrasings: n.examplePhrasings,
  refutedBy: n.refutedBy,
  firstSeen: n.firstSeen,
  status: n.status,
});

/** Same contract as saveVerifiedFact, for known narratives. */
export async function saveKnownNarrative(
  db: Db,
  narrative: KnownNarrative,
  approval: ReferenceApproval,
): Promise<SaveOutcome> {
  const existing = await getKnownNarrative(db, narrative.id);
  if (existing && canonical(narrativeContent(existing)) === canonical(narrativeContent(narrative)))
    return 'unchanged';
  const version = existing ? existing.version + 1 : 1;
  const now = new Date();
  const values = {
    title_vi: narrative.title.vi,
    title_en: narrative.title.en,
    description_vi: narrative.description.vi,
    description_en: narrative.description.en,
    example_phrasings: json(narrative.examplePhrasings),
    refuted_by: json(narrative.refutedBy),
    first_seen: narrative.firstSeen,
    status: narrative.status,
    version,
    provenance: approval.provenance,
    approved_by: approval.approvedByUserId ?? null,
    approved_by_name: approval.approvedByName ?? null,
    approved_at: approval.approvedByUserId || approval.approvedByName ? now : null,
    updated_at: now,
  };
  if (existing) await db.updateTable('known_narratives').set(values).where('id', '=', narrative.id).execute();
  else
    await db
      .insertInto('known_narratives')
      .values({ id: narrative.id, ...values })
      .execute();
  await db
    .insertInto('known_narrative_versions')
    .values({
      narrative_id: narrative.id,
      version,
      snapshot: json({ ...narrativeContent(narrative), provenance: approval.provenance }),
      changed_by: approval.changedByUserId ?? null,
      change_note: approval.note ?? null,
      changed_at: now,
    })
    .execute();
  await recordReferenceChange(db, 'known_narrative', narrative.id, version);
  await recordAuditEvent(db, {
    actorUserId: approval.changedByUserId ?? null,
    action: existing ? 'known_narrative.updated' : 'known_narrative.created',
    entityType: 'known_narrative',
    entityId: narrative.id,
    before: existing ? (narrativeContent(existing) as JsonValue) : null,
    after: narrativeContent(narrative) as JsonValue,
  });
  return existing ? 'updated' : 'created';
}

export async function getKnownNarrative(
  db: Db,
  id: string,
): Promise<StoredReference<KnownNarrative> | undefined> {
  const row = await db.selectFrom('known_narratives').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? narrativeOf(row as NarrativeRow) : undefined;
}

export async function listKnownNarratives(
  db: Db,
  options: { includeRetired?: boolean } = {},
): Promise<StoredReference<KnownNarrative>[]> {
  let query = db.selectFrom('known_narratives').selectAll().orderBy('id');
  if (!options.includeRetired) query = query.where('status', '=', 'active');
  return (await query.execute()).map((r) => narrativeOf(r as NarrativeRow));
}

export async function listKnownNarrativeVersions(db: Db, id: string): Promise<ReferenceVersionRow[]> {
  const rows = await db
    .selectFrom('known_narrative_versions')
    .selectAll()
    .where('narrative_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    snapshot: r.snapshot,
    changedBy: r.changed_by,
    note: r.change_note,
    changedAt: r.changed_at,
  }));
}

// ---------- ClaimReview imports ----------

export type ClaimReviewRow = Selectable<ClaimReviews>;

export type ImportedClaimReview = {
  url: string;
  claimReviewed: string;
  rating: string | null;
  authorName: string | null;
  datePublished: string | null;
  lang: string | null;
  itemReviewed: JsonValue | null;
  raw: JsonValue;
};

/** Upserts on the review's URL: importing the same feed twice keeps one row each. */
export async function saveClaimReview(db: Db, r: ImportedClaimReview): Promise<SaveOutcome> {
  const existing = await db
    .selectFrom('claim_reviews')
    .select(['id', 'raw'])
    .where('url', '=', r.url)
    .executeTakeFirst();
  if (existing && canonical(existing.raw) === canonical(r.raw)) return 'unchanged';
  const values = {
    url: r.url,
    claim_reviewed: r.claimReviewed,
    rating: r.rating,
    author_name: r.authorName,
    date_published: r.datePublished,
    lang: r.lang,
    item_reviewed: r.itemReviewed === null ? null : json(r.itemReviewed),
    raw: json(r.raw),
    imported_at: new Date(),
  };
  if (existing) await db.updateTable('claim_reviews').set(values).where('id', '=', existing.id).execute();
  else await db.insertInto('claim_reviews').values(values).execute();
  return existing ? 'updated' : 'created';
}

export async function listClaimReviews(db: Db): Promise<ClaimReviewRow[]> {
  return db.selectFrom('claim_reviews').selectAll().orderBy('imported_at').orderBy('url').execute();
}
