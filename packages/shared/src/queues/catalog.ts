import type { z } from 'zod';
import { classifyQueue } from './classify.queue.ts';
import { digestQueue } from './digest.queue.ts';
import { extractQueue } from './extract.queue.ts';
import { fetchQueue } from './fetch.queue.ts';
import { pollQueue } from './poll.queue.ts';
import { renderQueue } from './render.queue.ts';
import { verifyQueue } from './verify.queue.ts';

/** Every queue, in pipeline order. ARCHITECTURE.md's stage table follows this (checked by a test). */
export const queueCatalog = {
  poll: pollQueue,
  fetch: fetchQueue,
  render: renderQueue,
  extract: extractQueue,
  classify: classifyQueue,
  verify: verifyQueue,
  digest: digestQueue,
} as const;

export type QueueName = keyof typeof queueCatalog;
export type QueuePayload<Q extends QueueName> = z.infer<(typeof queueCatalog)[Q]['payload']>;

export const serviceNames = ['crawler', 'classifier', 'review-ui'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** Each queue has exactly one consuming service. */
export const queueOwners = {
  poll: 'crawler',
  fetch: 'crawler',
  render: 'crawler',
  extract: 'crawler',
  classify: 'classifier',
  verify: 'classifier',
  digest: 'review-ui',
} as const satisfies Record<QueueName, ServiceName>;

export type QueuesOwnedBy<S extends ServiceName> = {
  [Q in QueueName]: (typeof queueOwners)[Q] extends S ? Q : never;
}[QueueName];

export function queuesOwnedBy(service: ServiceName): QueueName[] {
  return (Object.keys(queueOwners) as QueueName[]).filter((q) => queueOwners[q] === service);
}
