import type { Selectable } from 'kysely';
import type { ClaimType } from '../../domain/index.ts';
import type { Db } from '../connection.ts';
import type { Claims, Classifications, JsonValue } from '../generated/schema.ts';
import { excludedJson } from '../sql-helpers.ts';

export type ClaimRow = Selectable<Claims> & { claim_type: ClaimType };
export type ClassificationRow = Selectable<Classifications>;

/** Which model produced a score: every stored score names one. */
export type ModelRef = { id: string; revision: string };

export type DetectedClaim = {
  start: number;
  end: number;
  text: string;
  checkworthiness: number;
  type: ClaimType;
  entities: JsonValue[];
  dates: JsonValue[];
  quantities: JsonValue[];
  model: ModelRef;
};

export type DocumentDetection = {
  documentId: string;
  lang: string | null;
  langScore: number | null;
  relevance: number;
  relevanceTriggers: JsonValue[];
  models: ModelRef[];
  modelSet: string;
  claims: DetectedClaim[];
};

/**
 * Stores a document's detection result in one transaction. Claims are upserted on their span; claims the
 * new run no longer finds are removed unless a person already decided one of their flags.
 */
export async function saveDetection(db: Db, d: DocumentDetection): Promise<ClaimRow[]> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('classifications')
      .values({
        document_id: d.documentId,
        lang: d.lang,
        lang_score: d.langScore,
        relevance: d.relevance,
        relevance_triggers: JSON.stringify(d.relevanceTriggers),
        models: JSON.stringify(d.models),
        model_set: d.modelSet,
        classified_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column('document_id').doUpdateSet((eb) => ({
          lang: eb.ref('excluded.lang'),
          lang_score: eb.ref('excluded.lang_score'),
          relevance: eb.ref('excluded.relevance'),
          relevance_triggers: excludedJson('relevance_triggers'),
          models: excludedJson('models'),
          model_set: eb.ref('excluded.model_set'),
          classified_at: eb.ref('excluded.classified_at'),
        })),
      )
      .execute();

    const saved: ClaimRow[] = [];
    for (const c of d.claims) {
      const row = await trx
        .insertInto('claims')
        .values({
          document_id: d.documentId,
          start_offset: c.start,
          end_offset: c.end,
          text: c.text,
          checkworthiness: c.checkworthiness,
          claim_type: c.type,
          entities: JSON.stringify(c.entities),
          dates: JSON.stringify(c.dates),
          quantities: JSON.stringify(c.quantities),
          model_id: c.model.id,
          model_revision: c.model.revision,
        })
        .onConflict((oc) =>
          oc.columns(['document_id', 'start_offset', 'end_offset']).doUpdateSet((eb) => ({
            text: eb.ref('excluded.text'),
            checkworthiness: eb.ref('excluded.checkworthiness'),
            claim_type: eb.ref('excluded.claim_type'),
            entities: excludedJson('entities'),
            dates: excludedJson('dates'),
            quantities: excludedJson('quantities'),
            model_id: eb.ref('excluded.model_id'),
            model_revision: eb.ref('excluded.model_revision'),
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      saved.push(row as ClaimRow);
    }

    const keep = saved.map((c) => c.id);
    let stale = trx
      .deleteFrom('claims')
      .where('document_id', '=', d.documentId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('flags')
              .select('flags.id')
              .whereRef('flags.claim_id', '=', 'claims.id')
              .where('flags.status', '!=', 'suggested'),
          ),
        ),
      );
    if (keep.length > 0) stale = stale.where('id', 'not in', keep);
    await stale.execute();

    await trx
      .updateTable('documents')
      .set({ status: 'classified', updated_at: new Date() })
      .where('id', '=', d.documentId)
      .execute();
    return saved;
  });
}

export async function listClaimsForDocument(db: Db, documentId: string): Promise<ClaimRow[]> {
  return (await db
    .selectFrom('claims')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('start_offset')
    .execute()) as ClaimRow[];
}

export async function getClassification(db: Db, documentId: string): Promise<ClassificationRow | undefined> {
  return db
    .selectFrom('classifications')
    .selectAll()
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}
