export * from './catalog.ts';
export { createRedisConnection } from './connection.ts';
export { defaultRetention, defineQueue, type QueueDefinition, safeJobIdPart } from './define-queue.ts';
export { createQueues, type JobOptionOverrides, type Queues } from './producer.ts';
export {
  type FailureOutcome,
  type HandlerMap,
  type JobContext,
  type JobHandler,
  outcomeFor,
  type RunningWorkers,
  startWorkers,
} from './worker.ts';
