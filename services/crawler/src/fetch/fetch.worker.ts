import type { JobHandler, Queues } from '@claimwatch/shared/queues';
import { type FetchPageDeps, fetchPage } from './fetch-page.ts';

/** fetch → stores the snapshot → enqueues its extraction (or hands the page to the render queue). */
export const handleFetch =
  (deps: FetchPageDeps & { queues: Queues }): JobHandler<'fetch'> =>
  async ({ pageId }, { logger }) => {
    const result = await fetchPage(deps, pageId);
    if (result.outcome === 'stored') {
      await deps.queues.enqueue('extract', { pageId, snapshotId: result.snapshotId });
      logger.info({ pageId, snapshotId: result.snapshotId }, 'page fetched');
    } else if (result.outcome === 'render') {
      await deps.queues.enqueue('render', { pageId });
      logger.info({ pageId }, 'page sent to the render queue');
    } else {
      logger.info({ pageId, reason: result.reason }, 'page skipped');
    }
  };
