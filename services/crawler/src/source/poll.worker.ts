import type { JobHandler, Queues } from '@claimwatch/shared/queues';
import { type PollDeps, pollSource } from './poll-source.ts';

/** poll → records listed pages → enqueues a fetch per new page. */
export const handlePoll =
  (deps: PollDeps & { queues: Queues }): JobHandler<'poll'> =>
  async ({ sourceId }, { logger }) => {
    const result = await pollSource(deps, sourceId);
    await deps.queues.enqueueMany(
      'fetch',
      result.newPages.map((p) => ({ pageId: p.id })),
    );
    logger.info({ sourceId, listed: result.listed, new: result.newPages.length }, 'source polled');
  };
