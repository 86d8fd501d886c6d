import { z } from 'zod';
import { defaultRetention, defineQueue } from './define-queue.ts';

/**
 * Build (and optionally mail) the weekly digest. The scheduled repeatable job carries no week: it builds
 * the last complete week at the time it runs. On-demand builds name the week.
 */
export const digestQueue = defineQueue({
  name: 'digest',
  jobName: 'build-digest',
  version: 1,
  payload: z.object({
    week: z
      .string()
      .regex(/^\d{4}-W\d{2}$/, 'expected an ISO week such as 2026-W47')
      .optional(),
    send: z.boolean().default(false),
  }),
  jobId: (p) => `build-digest-${p.week ?? 'last'}-${p.send ? 'send' : 'build'}`,
  options: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 }, ...defaultRetention },
  concurrency: 1,
});
