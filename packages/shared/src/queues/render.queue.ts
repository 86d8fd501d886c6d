import { z } from 'zod';
import { defaultRetention, defineQueue } from './define-queue.ts';

/**
 * Render one page in Chromium (sources that opt in: pages whose text only exists after JavaScript) and
 * store the rendered HTML as its snapshot. Its own queue with low concurrency, so that slow renders
 * never starve plain fetches.
 */
export const renderQueue = defineQueue({
  name: 'render',
  jobName: 'render-page',
  version: 1,
  payload: z.object({ pageId: z.uuid() }),
  jobId: (p) => `render-page-${p.pageId}`,
  options: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 }, ...defaultRetention },
  concurrency: 1,
});
