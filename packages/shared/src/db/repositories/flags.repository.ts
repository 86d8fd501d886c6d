import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { FlagReason, FlagStatus } from '../../domain/index.ts';
import type { Db } from '../connection.ts';
import type { Flags, JsonValue } from '../generated/schema.ts';
import { excludedJson } from '../sql-helpers.ts';
import type { ModelRef } from './claims.repository.ts';

export type FlagRow = Selectable<Flags> & { reason: FlagReason; status: FlagStatus };

export type ProposedFlag = {
  claimId: string;
  documentId: string;
  reason: FlagReason;
  score: number;
  priority: number;
  /** Why: the evidence sentence, matched references with scores and thresholds, the verdict explanation. */
  evidence: JsonValue;
  models: ModelRef[];
};

/**
 * Models propose: a new flag is `suggested`. Proposing again refreshes a flag only while it is still
 * `suggested`; a flag a person has decided is never touched by a model.
 */
export async function proposeFlags(db: Db, flags: ProposedFlag[]): Promise<FlagRow[]> {
  const out: FlagRow[] = [];
  for (const f of flags) {
    const row = await db
      .insertInto('flags')
      .values({
        claim_id: f.claimId,
        document_id: f.documentId,
        reason: f.reason,
        status: 'suggested',
        score: f.score,
        priority: f.priority,
        evidence: JSON.stringify(f.evidence),
        models: JSON.stringify(f.models),
      })
      .onConflict((oc) =>
        oc
          .columns(['claim_id', 'reason'])
          .doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            priority: eb.ref('excluded.priority'),
            evidence: excludedJson('evidence'),
            models: excludedJson('models'),
            updated_at: new Date(),
          }))
          .where('flags.status', '=', 'suggested'),
      )
      .returningAll()
      .executeTakeFirst();
    if (row) out.push(row as FlagRow);
  }
  return out;
}

/** Removes suggested flags of a document that the newest run no longer proposes. */
export async function withdrawSuggestedFlags(db: Db, documentId: string, keepIds: string[]): Promise<number> {
  let query = db.deleteFrom('flags').where('document_id', '=', documentId).where('status', '=', 'suggested');
  if (keepIds.length > 0) query = query.where('id', 'not in', keepIds);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type FlagListItem = {
  id: string;
  reason: FlagReason;
  status: FlagStatus;
  score: number;
  priority: number;
  created_at: Date;
  claim_text: string;
  document_id: string;
  document_title: string | null;
  document_url: string;
  document_lang: string | null;
  published_at: Date | null;
};

export type FlagListFilter = {
  status?: FlagStatus;
  reason?: FlagReason;
  lang?: string;
  /** The digest's links: one source, a period on when flags were raised or decided, one model revision. */
  source?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  on?: 'created' | 'decided' | undefined;
  model?: { id: string; revision: string } | undefined;
  /** Only flags whose claim this shadow model revision scored (and, with `wouldFlag`, would / would not flag). */
  shadow?: { id: string; revision: string; wouldFlag?: boolean | undefined } | undefined;
  limit: number;
  offset: number;
};

export async function listFlags(db: Db, filter: FlagListFilter): Promise<FlagListItem[]> {
  let query = db
    .selectFrom('flags')
    .innerJoin('claims', 'claims.id', 'flags.claim_id')
    .innerJoin('documents', 'documents.id', 'flags.document_id')
    .select([
      'flags.id',
      'flags.reason',
      'flags.status',
      'flags.score',
      'flags.priority',
      'flags.created_at',
      'claims.text as claim_text',
      'documents.id as document_id',
      'documents.title as document_title',
      'documents.url as document_url',
      'documents.lang as document_lang',
      'documents.published_at',
    ]);
  if (filter.status) query = query.where('flags.status', '=', filter.status);
  if (filter.reason) query = query.where('flags.reason', '=', filter.reason);
  if (filter.lang) query = query.where('documents.lang', '=', filter.lang);
  if (filter.source) query = query.where('documents.source_id', '=', filter.source);
  const at = filter.on === 'decided' ? 'flags.decided_at' : 'flags.created_at';
  if (filter.from) query = query.where(at, '>=', filter.from);
  if (filter.to) query = query.where(at, '<', filter.to);
  if (filter.model)
    query = query.where(sql<boolean>`flags.models @> ${JSON.stringify([filter.model])}::jsonb`);
  const shadow = filter.shadow;
  if (shadow)
    query = query.where(({ exists, selectFrom }) => {
      let scored = selectFrom('shadow_scores')
        .select('shadow_scores.claim_id')
        .whereRef('shadow_scores.claim_id', '=', 'flags.claim_id')
        .where('shadow_scores.model_id', '=', shadow.id)
        .where('shadow_scores.model_revision', '=', shadow.revision);
      if (shadow.wouldFlag !== undefined)
        scored = scored.where('shadow_scores.would_flag', '=', shadow.wouldFlag);
      return exists(scored);
    });
  const rows = await query
    .orderBy('flags.priority', 'desc')
    .orderBy('flags.created_at', 'desc')
    .orderBy('flags.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows as FlagListItem[];
}

export async function getFlag(db: Db, id: string): Promise<FlagRow | undefined> {
  return (await db.selectFrom('flags').selectAll().where('id', '=', id).executeTakeFirst()) as
    | FlagRow
    | undefined;
}

export async function listFlagsForDocument(db: Db, documentId: string): Promise<FlagRow[]> {
  return (await db
    .selectFrom('flags')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('created_at')
    .execute()) as FlagRow[];
}

/** A claim a person confirmed as matching a reference: another wording of that fact or narrative. */
export type ConfirmedPhrasing = { referenceKind: string; referenceId: string; claimId: string; text: string };

/**
 * The claims of confirmed flags with the reference each was confirmed against (the flag's best-scoring
 * reference), oldest decision first. Matching remembers them, so the next claim worded the same way finds
 * the same reference.
 */
export async function listConfirmedPhrasings(db: Db): Promise<ConfirmedPhrasing[]> {
  const rows = await db
    .selectFrom('flags as f')
    .innerJoin('claims as c', 'c.id', 'f.claim_id')
    .innerJoin('flag_references as r', 'r.flag_id', 'f.id')
    .where('f.status', '=', 'confirmed')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('flag_references as better')
            .select('better.flag_id')
            .whereRef('better.flag_id', '=', 'f.id')
            .where((eb) =>
              eb.or([
                eb('better.score', '>', eb.ref('r.score')),
                eb.and([
                  eb('better.score', '=', eb.ref('r.score')),
                  eb('better.reference_id', '<', eb.ref('r.reference_id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .select(['r.reference_kind', 'r.reference_id', 'c.id as claim_id', 'c.text'])
    .orderBy('f.decided_at')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    referenceKind: r.reference_kind,
    referenceId: r.reference_id,
    claimId: r.claim_id,
    text: r.text,
  }));
}

/** Claims of suggested flags (what triage still has to decide), newest first: re-verification candidates. */
export async function listSuggestedClaims(
  db: Db,
  limit = 5000,
): Promise<{ documentId: string; claimId: string; text: string }[]> {
  const rows = await db
    .selectFrom('flags as f')
    .innerJoin('claims as c', 'c.id', 'f.claim_id')
    .where('f.status', '=', 'suggested')
    .select(['f.document_id', 'c.id as claim_id', 'c.text', 'c.created_at'])
    .distinct()
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ documentId: r.document_id, claimId: r.claim_id, text: r.text }));
}
