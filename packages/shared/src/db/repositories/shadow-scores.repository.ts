import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import type { ShadowScores } from '../generated/schema.ts';

export type ShadowScoreRow = Selectable<ShadowScores>;

/** A shadow model's check-worthiness score for one stored claim. It proposes nothing: no flag comes of it. */
export type ShadowScore = {
  claimId: string;
  model: { id: string; revision: string };
  score: number;
  /** The check-worthiness threshold in force for the claim's language when it was scored. */
  threshold: number;
  wouldFlag: boolean;
};

/**
 * Upserts on (claim, model, revision): scoring a claim again with the same shadow revision replaces the
 * score and keeps `created_at`, so re-classifying a document adds no row and does not move the digest week.
 */
export async function upsertShadowScores(db: Db, scores: readonly ShadowScore[]): Promise<void> {
  if (scores.length === 0) return;
  await db
    .insertInto('shadow_scores')
    .values(
      scores.map((s) => ({
        claim_id: s.claimId,
        model_id: s.model.id,
        model_revision: s.model.revision,
        score: s.score,
        threshold: s.threshold,
        would_flag: s.wouldFlag,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['claim_id', 'model_id', 'model_revision']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'),
        threshold: eb.ref('excluded.threshold'),
        would_flag: eb.ref('excluded.would_flag'),
      })),
    )
    .execute();
}

export async function listShadowScoresForDocument(db: Db, documentId: string): Promise<ShadowScoreRow[]> {
  return db
    .selectFrom('shadow_scores')
    .innerJoin('claims', 'claims.id', 'shadow_scores.claim_id')
    .selectAll('shadow_scores')
    .where('claims.document_id', '=', documentId)
    .orderBy('claims.start_offset')
    .orderBy('shadow_scores.model_id')
    .orderBy('shadow_scores.model_revision')
    .execute();
}

type Num = number | string | bigint;

/** Per shadow revision and document language: the week's decided flags, by decision and shadow opinion. */
export type ShadowDecisionCount = {
  modelId: string;
  revision: string;
  lang: string;
  status: 'confirmed' | 'dismissed' | 'escalated';
  wouldFlag: boolean;
  count: number;
};

/** Per shadow revision and document language: claims scored in the window the shadow would flag and the active model never flagged. */
export type ShadowUnflaggedCount = { modelId: string; revision: string; lang: string; count: number };

/**
 * What the digest's shadow comparison counts, for the window [start, end):
 * - `decided`: flags decided in the window (as the active model's precision counts them), each judged by
 *   the shadow score of its claim — only flags whose claim a shadow revision scored before the window
 *   ended (a score made later does not rewrite a past week);
 * - `unflagged`: claims a shadow revision scored in the window (`created_at`, which never moves) and
 *   would flag, with no flag of any status raised on them before the window's end.
 * The document's language is the one the flag list filters on (`documents.lang`, `und` when unknown).
 */
export async function countShadowOutcomes(
  db: Db,
  window: { start: Date; end: Date },
): Promise<{ decided: ShadowDecisionCount[]; unflagged: ShadowUnflaggedCount[] }> {
  const { start, end } = window;
  const [decided, unflagged] = await Promise.all([
    sql<{
      model_id: string;
      revision: string;
      lang: string;
      status: string;
      would_flag: boolean;
      count: Num;
    }>`
      select s.model_id, s.model_revision as revision, coalesce(d.lang, 'und') as lang, f.status,
        s.would_flag, count(*) as count
      from flags f
        join shadow_scores s on s.claim_id = f.claim_id
        join documents d on d.id = f.document_id
      where f.decided_at >= ${start} and f.decided_at < ${end} and s.created_at < ${end}
        and f.status in ('confirmed', 'dismissed', 'escalated')
      group by 1, 2, 3, 4, 5`.execute(db),
    sql<{ model_id: string; revision: string; lang: string; count: Num }>`
      select s.model_id, s.model_revision as revision, coalesce(d.lang, 'und') as lang, count(*) as count
      from shadow_scores s
        join claims c on c.id = s.claim_id
        join documents d on d.id = c.document_id
      where s.created_at >= ${start} and s.created_at < ${end} and s.would_flag
        and not exists (select 1 from flags f where f.claim_id = s.claim_id and f.created_at < ${end})
      group by 1, 2, 3`.execute(db),
  ]);
  return {
    decided: decided.rows.map((r) => ({
      modelId: r.model_id,
      revision: r.revision,
      lang: r.lang,
      status: r.status as ShadowDecisionCount['status'],
      wouldFlag: r.would_flag,
      count: Number(r.count),
    })),
    unflagged: unflagged.rows.map((r) => ({
      modelId: r.model_id,
      revision: r.revision,
      lang: r.lang,
      count: Number(r.count),
    })),
  };
}
