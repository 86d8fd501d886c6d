import type { JobHandler, Queues } from '@claimwatch/shared/queues';
import { type RenderPageDeps, renderPage } from './render-page.ts';

/** render → stores the rendered snapshot → enqueues its extraction. */
export const handleRender =
  (deps: RenderPageDeps & { queues: Queues }): JobHandler<'render'> =>
  async ({ pageId }, { logger }) => {
    const result = await renderPage(deps, pageId);
    if (result.outcome === 'stored') {
      await deps.queues.enqueue('extract', { pageId, snapshotId: result.snapshotId });
      logger.info({ pageId, snapshotId: result.snapshotId }, 'page rendered');
    } else logger.info({ pageId, reason: result.reason }, 'page skipped');
  };
