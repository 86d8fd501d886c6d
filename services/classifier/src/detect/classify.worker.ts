import { type Db, getDocument, saveDetection } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import type { JobHandler, Queues } from '@claimwatch/shared/queues';
import type { ModelState } from '../models/model-state.ts';
import type { ShadowModelState } from '../models/shadow-model.ts';
import { defaultVerifyPolicy, type VerifyPolicy } from '../verify/policy/verify-policy.ts';
import { detectDocument } from './detect-document.ts';
import type { Gazetteer } from './gazetteer/gazetteer.ts';
import { scoreClaimsInShadow } from './score-shadow.ts';

export type ClassifyDeps = {
  db: Db;
  queues: Queues;
  gazetteer: Gazetteer;
  models: ModelState;
  /** Shadow mode: a second check-worthiness model that scores the stored claims and proposes nothing. */
  shadow?: ShadowModelState | undefined;
  /** Whose check-worthiness thresholds decide `would_flag` (default: the verification policy file). */
  policy?: Pick<VerifyPolicy, 'thresholdsFor'> | undefined;
};

/**
 * classify → stores language, relevance and claims → enqueues verification. If the active models changed
 * while the job ran, the result is dropped: the sweeper classifies the document again with the new ones.
 */
export const handleClassify =
  (deps: ClassifyDeps): JobHandler<'classify'> =>
  async ({ documentId }, { logger }) => {
    const document = await getDocument(deps.db, documentId);
    if (!document) throw new AppError('not_found', `Document ${documentId} does not exist`);
    const active = await deps.models.current();
    const detection = await detectDocument(
      deps.gazetteer,
      { documentId, text: document.text, title: document.title, declaredLang: document.lang },
      active,
    );
    const now = await deps.models.current();
    if (now.modelSet !== active.modelSet) {
      logger.info(
        { documentId, stale: active.modelSet, active: now.modelSet },
        'models changed during the job; result dropped',
      );
      return;
    }
    const claims = await saveDetection(deps.db, detection);
    await deps.queues.enqueue('verify', { documentId, modelSet: detection.modelSet });
    logger.info(
      { documentId, lang: detection.lang, claims: detection.claims.length, modelSet: detection.modelSet },
      'document classified',
    );
    // After the document is classified and queued on: a shadow failure is logged, never the job's failure.
    const shadow = await deps.shadow?.current();
    if (!shadow) return;
    try {
      const scored = await scoreClaimsInShadow(
        deps.db,
        shadow,
        deps.policy ?? defaultVerifyPolicy(),
        claims,
        detection.lang,
      );
      logger.info(
        {
          documentId,
          shadowModel: `${shadow.model.id}@${shadow.model.revision}`,
          scored: scored.length,
          wouldFlag: scored.filter((s) => s.wouldFlag).length,
        },
        'claims scored in shadow',
      );
    } catch (error) {
      logger.error(
        {
          documentId,
          shadowModel: shadow.model.id,
          err: error instanceof Error ? error.message : String(error),
        },
        'shadow scoring failed; the classification stands',
      );
    }
  };
