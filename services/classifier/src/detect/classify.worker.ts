import { type Db, getDocument, saveDetection } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import type { JobHandler, Queues } from '@claimwatch/shared/queues';
import type { ModelState } from '../models/model-state.ts';
import { detectDocument } from './detect-document.ts';
import type { Gazetteer } from './gazetteer/gazetteer.ts';

export type ClassifyDeps = { db: Db; queues: Queues; gazetteer: Gazetteer; models: ModelState };

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
    await saveDetection(deps.db, detection);
    await deps.queues.enqueue('verify', { documentId, modelSet: detection.modelSet });
    logger.info(
      { documentId, lang: detection.lang, claims: detection.claims.length, modelSet: detection.modelSet },
      'document classified',
    );
  };
