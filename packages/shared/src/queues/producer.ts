import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type QueueName, type QueuePayload, queueCatalog } from './catalog.ts';

/** Typed access to every queue for producers: `queues.enqueue('fetch', { pageId })`. */
export type Queues = {
  enqueue<Q extends QueueName>(queue: Q, payload: QueuePayload<Q>, options?: JobsOptions): Promise<string>;
  enqueueMany<Q extends QueueName>(queue: Q, payloads: QueuePayload<Q>[]): Promise<void>;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
};

/** Per-queue overrides of the catalog's job options (tests shorten backoff; operators may tune attempts). */
export type JobOptionOverrides = Partial<Record<QueueName, JobsOptions>>;

export function createQueues(connection: Redis, prefix: string, overrides: JobOptionOverrides = {}): Queues {
  const open = new Map<QueueName, Queue>();
  const queue = (name: QueueName) => {
    let q = open.get(name);
    if (!q) {
      const def = queueCatalog[name];
      q = new Queue(def.name, {
        connection,
        prefix,
        defaultJobOptions: { ...def.options, ...overrides[name] },
      });
      q.on('error', () => {}); // reported by the connection owner; a lost Redis must not crash producers
      open.set(name, q);
    }
    return q;
  };
  const jobFor = <Q extends QueueName>(name: Q, payload: QueuePayload<Q>) => {
    const def = queueCatalog[name];
    const data = def.payload.parse(payload) as QueuePayload<Q>;
    return { name: def.jobName, data, opts: { jobId: def.jobId(data as never) } };
  };
  return {
    async enqueue(name, payload, options) {
      const { name: jobName, data, opts } = jobFor(name, payload);
      const job = await queue(name).add(jobName, data, { ...opts, ...options });
      return job.id ?? opts.jobId;
    },
    async enqueueMany(name, payloads) {
      if (payloads.length === 0) return;
      await queue(name).addBulk(payloads.map((p) => jobFor(name, p)));
    },
    queue,
    async close() {
      await Promise.all([...open.values()].map((q) => q.close()));
      open.clear();
    },
  };
}
