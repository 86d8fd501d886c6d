import { z } from 'zod';
import { defaultRetention, defineQueue } from './define-queue.ts';

/** Poll one source (feed, sitemap, listing…) and record the article URLs it lists. */
export const pollQueue = defineQueue({
  name: 'poll',
  jobName: 'poll-source',
  version: 1,
  payload: z.object({
    sourceId: z.uuid(),
    /** The scheduled poll time, so each scheduled poll is one job. */
    dueAt: z.iso.datetime(),
  }),
  jobId: (p) => `poll-source-${p.sourceId}-${Date.parse(p.dueAt)}`,
  options: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 }, ...defaultRetention },
  concurrency: 4,
});
