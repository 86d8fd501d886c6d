import { sql } from 'kysely';
import type { ReferenceKind } from '../../domain/index.ts';
import type { Db } from '../connection.ts';

/**
 * Links between flags and the references they cite, the log of reference changes that drives
 * re-verification, and the claims approved responses answered (past responses are references too).
 */

const json = (v: unknown) => JSON.stringify(v);

// ---------- flags ↔ references, and re-evaluation after edits ----------

export type FlagReference = { kind: ReferenceKind; id: string; version: number; score: number };

/** Replaces the references a flag cites (the evidence jsonb keeps the details; this table is for lookups). */
export async function replaceFlagReferences(db: Db, flagId: string, refs: FlagReference[]): Promise<void> {
  await db.deleteFrom('flag_references').where('flag_id', '=', flagId).execute();
  if (refs.length === 0) return;
  await db
    .insertInto('flag_references')
    .values(
      refs.map((r) => ({
        flag_id: flagId,
        reference_kind: r.kind,
        reference_id: r.id,
        reference_version: r.version,
        score: r.score,
      })),
    )
    .onConflict((oc) => oc.columns(['flag_id', 'reference_kind', 'reference_id']).doNothing())
    .execute();
}

export async function listFlagReferences(db: Db, flagId: string): Promise<FlagReference[]> {
  const rows = await db
    .selectFrom('flag_references')
    .selectAll()
    .where('flag_id', '=', flagId)
    .orderBy('score', 'desc')
    .orderBy('reference_id')
    .execute();
  return rows.map((r) => ({
    kind: r.reference_kind as ReferenceKind,
    id: r.reference_id,
    version: r.reference_version,
    score: r.score,
  }));
}

export async function recordReferenceChange(
  db: Db,
  kind: ReferenceKind,
  id: string,
  version: number,
): Promise<void> {
  await db
    .insertInto('reference_changes')
    .values({ reference_kind: kind, reference_id: id, version })
    .execute();
}

export type ReferenceChange = { id: string; kind: ReferenceKind; referenceId: string; version: number };

export async function listPendingReferenceChanges(db: Db, limit = 100): Promise<ReferenceChange[]> {
  const rows = await db
    .selectFrom('reference_changes')
    .selectAll()
    .where('processed_at', 'is', null)
    .orderBy('occurred_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.reference_kind as ReferenceKind,
    referenceId: r.reference_id,
    version: r.version,
  }));
}

export async function markReferenceChangesProcessed(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('reference_changes')
    .set({ processed_at: new Date() })
    .where('id', 'in', ids)
    .execute();
}

/**
 * Documents whose verification may change when a reference changes: those with a flag citing it, and
 * (for facts) those with a claim naming every partner of the fact (entities are language-neutral ids).
 */
export async function findDocumentsAffectedByReference(
  db: Db,
  kind: ReferenceKind,
  id: string,
  partnerIds: string[] = [],
): Promise<string[]> {
  const citing = await db
    .selectFrom('flag_references')
    .innerJoin('flags', 'flags.id', 'flag_references.flag_id')
    .select('flags.document_id')
    .where('flag_references.reference_kind', '=', kind)
    .where('flag_references.reference_id', '=', id)
    .execute();
  const ids = new Set(citing.map((r) => r.document_id));
  if (partnerIds.length > 0) {
    let query = db.selectFrom('claims').select('document_id').distinct();
    for (const partner of partnerIds)
      query = query.where(sql<boolean>`entities @> ${json([{ id: partner }])}::jsonb`);
    for (const r of await query.execute()) ids.add(r.document_id);
  }
  return [...ids].sort();
}

// ---------- past responses as references ----------

/** A claim an approved or published response answered: the next claim worded like it was answered before. */
export type AnsweredClaim = { responseId: string; claimId: string; text: string; verdictLabel: string };

export async function listAnsweredClaims(db: Db, responseId?: string): Promise<AnsweredClaim[]> {
  const rows = await db
    .selectFrom('responses as r')
    .innerJoin('response_flags as rf', 'rf.response_id', 'r.id')
    .innerJoin('flags as f', 'f.id', 'rf.flag_id')
    .innerJoin('claims as c', 'c.id', 'f.claim_id')
    .where('r.status', 'in', ['approved', 'published'])
    .$if(responseId !== undefined, (q) => q.where('r.id', '=', responseId!))
    .select(['r.id as response_id', 'c.id as claim_id', 'c.text', 'r.verdict_label'])
    .distinct()
    .orderBy('r.id')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    responseId: r.response_id,
    claimId: r.claim_id,
    text: r.text,
    verdictLabel: r.verdict_label,
  }));
}
