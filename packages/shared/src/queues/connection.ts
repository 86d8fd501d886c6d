import { Redis } from 'ioredis';

/**
 * A Redis connection for BullMQ. Workers need `maxRetriesPerRequest: null` (blocking commands);
 * producers get the same so that a Redis restart delays an enqueue instead of failing it.
 */
export function createRedisConnection(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  // Connection errors surface through the queue/worker 'error' listeners; never crash the process here.
  redis.on('error', () => {});
  return redis;
}
