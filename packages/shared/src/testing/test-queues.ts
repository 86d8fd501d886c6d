import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { readProcessEnv } from '../config/index.ts';
import { loadRedisConfig } from '../config/redis.config.ts';
import { createRedisConnection } from '../queues/connection.ts';

export type TestQueues = {
  redis: Redis;
  /** A BullMQ prefix no other test file uses. */
  prefix: string;
  /** Removes every key under the prefix and closes the connection. */
  close(): Promise<void>;
};

export async function createTestQueues(): Promise<TestQueues> {
  const { url } = loadRedisConfig(readProcessEnv());
  const redis = createRedisConnection(url);
  await redis.ping();
  const prefix = `cwtest-${randomBytes(5).toString('hex')}`;
  return {
    redis,
    prefix,
    async close() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    },
  };
}
