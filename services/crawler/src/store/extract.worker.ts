import type { Db } from '@claimwatch/shared/db';
import type { JobHandler, Queues } from '@claimwatch/shared/queues';
import { storeArticle } from './store-article.ts';

/** extract → stores the document → enqueues its classification, unless it is a copy of a stored story. */
export const handleExtract =
  (deps: { db: Db; queues: Queues }): JobHandler<'extract'> =>
  async ({ pageId, snapshotId }, { logger }) => {
    const { document, contentHash, match } = await storeArticle(deps.db, pageId, snapshotId);
    if (document.status !== 'duplicate') {
      await deps.queues.enqueue('classify', {
        documentId: document.id,
        contentHash: contentHash.slice(0, 16),
      });
    }
    logger.info({ pageId, documentId: document.id, match }, 'article stored');
  };
