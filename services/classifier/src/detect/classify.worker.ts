import { type Db, getDocument, saveDetection } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import type { JobHandler, Queues } from '@claimwatch/shared/queues';
import { DETECTION_MODEL_SET, detectDocument } from './detect-document.ts';
import type { Gazetteer } from './gazetteer/gazetteer.ts';

/** classify → stores language, relevance and claims → enqueues verification. */
export const handleClassify =
  (deps: { db: Db; queues: Queues; gazetteer: Gazetteer }): JobHandler<'classify'> =>
  async ({ documentId }, { logger }) => {
    const document = await getDocument(deps.db, documentId);
    if (!document) throw new AppError('not_found', `Document ${documentId} does not exist`);
    const detection = await detectDocument(deps.gazetteer, {
      documentId,
      text: document.text,
      title: document.title,
      declaredLang: document.lang,
    });
    await saveDetection(deps.db, detection);
    await deps.queues.enqueue('verify', { documentId, modelSet: DETECTION_MODEL_SET });
    logger.info({ documentId, lang: detection.lang, claims: detection.claims.length }, 'document classified');
  };
