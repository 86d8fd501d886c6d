import { z } from 'zod';
import { defaultRetention, defineQueue } from './define-queue.ts';

/** Detect language, relevance and claims in one document. */
export const classifyQueue = defineQueue({
  name: 'classify',
  jobName: 'classify-document',
  version: 1,
  payload: z.object({
    documentId: z.uuid(),
    /** Which detector versions asked for this run; a model change gives a new job. */
    modelSet: z.string().min(1),
  }),
  jobId: (p) => `classify-document-${p.documentId}-${p.modelSet}`,
  options: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, ...defaultRetention },
  concurrency: 2,
});
