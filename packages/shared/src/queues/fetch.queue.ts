import { z } from 'zod';
import { defaultRetention, defineQueue } from './define-queue.ts';

/** Fetch one page over HTTP (politely), store its raw snapshot. */
export const fetchQueue = defineQueue({
  name: 'fetch',
  jobName: 'fetch-page',
  version: 1,
  payload: z.object({ pageId: z.uuid() }),
  jobId: (p) => `fetch-page-${p.pageId}`,
  options: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 }, ...defaultRetention },
  concurrency: 8,
});
