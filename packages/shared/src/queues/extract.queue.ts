import { z } from 'zod';
import { defaultRetention, defineQueue } from './define-queue.ts';

/** Extract the article from a page's newest snapshot and store it as a document. */
export const extractQueue = defineQueue({
  name: 'extract',
  jobName: 'extract-article',
  version: 1,
  payload: z.object({ pageId: z.uuid(), snapshotId: z.uuid() }),
  jobId: (p) => `extract-article-${p.snapshotId}`,
  options: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, ...defaultRetention },
  concurrency: 2,
});
