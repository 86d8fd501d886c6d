import { z } from 'zod';
import { defaultRetention, defineQueue, safeJobIdPart } from './define-queue.ts';

/** Match a document's claims against the references and propose flags. */
export const verifyQueue = defineQueue({
  name: 'verify',
  jobName: 'verify-claims',
  version: 1,
  payload: z.object({ documentId: z.uuid(), modelSet: z.string().min(1) }),
  jobId: (p) => `verify-claims-${p.documentId}-${safeJobIdPart(p.modelSet)}`,
  options: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, ...defaultRetention },
  concurrency: 2,
});
