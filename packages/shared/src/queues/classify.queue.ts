import { z } from 'zod';
import { defaultRetention, defineQueue, safeJobIdPart } from './define-queue.ts';

/** Detect language, relevance and claims in one document. */
export const classifyQueue = defineQueue({
  name: 'classify',
  jobName: 'classify-document',
  version: 1,
  payload: z.object({
    documentId: z.uuid(),
    /** Start of the text's SHA-256: a changed text is a new job. */
    contentHash: z.string().regex(/^[0-9a-f]{16}$/),
    /** Set when a detector change asks for re-classification. */
    modelSet: z.string().min(1).optional(),
  }),
  jobId: (p) =>
    `classify-document-${p.documentId}-${p.contentHash}-${p.modelSet ? safeJobIdPart(p.modelSet) : 'new'}`,
  options: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, ...defaultRetention },
  concurrency: 2,
});
