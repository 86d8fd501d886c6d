import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';

/** Everything a producer and a consumer must agree on for one queue. */
export type QueueDefinition<S extends z.ZodType = z.ZodType> = {
  /** Queue name: kebab-case, no `:` (BullMQ uses it as a key separator). */
  name: string;
  /** The one job name this queue carries. */
  jobName: string;
  /** Bumped when the payload shape changes incompatibly. */
  version: number;
  /** Payloads carry ids, not content: PostgreSQL is the source of truth. */
  payload: S;
  /** Deterministic id, so that enqueueing the same work twice adds one job. */
  jobId: (payload: z.infer<S>) => string;
  /** Attempts, backoff and retention. */
  options: JobsOptions;
  /** Jobs a process runs at once when the owner does not say otherwise. */
  concurrency: number;
};

export function defineQueue<S extends z.ZodType>(definition: QueueDefinition<S>): QueueDefinition<S> {
  if (definition.name.includes(':') || definition.jobName.includes(':')) {
    throw new Error(`Queue and job names must not contain ':' (${definition.name})`);
  }
  return definition;
}

/** Retention shared by all queues: completed jobs for a day, failed jobs stay visible for 30 days. */
export const defaultRetention = {
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} satisfies JobsOptions;

/** BullMQ job ids must not contain ':'; ids built from free text go through this. */
export function safeJobIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '_');
}
