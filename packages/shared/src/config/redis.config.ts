import { z } from 'zod';
import { type Env, parseEnv } from './env.ts';

export const redisEnv = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'expected a redis:// URL')
    .default('redis://127.0.0.1:6390')
    .describe(
      'Redis for the BullMQ queues. Default: the project-managed redis-server on port 6390 (infra/scripts/redis.sh).',
    ),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes only')
    .default('claimwatch')
    .describe('Prefix of every BullMQ key in Redis; lets several installations share one Redis.'),
});

export type RedisConfig = { url: string; prefix: string };

export function loadRedisConfig(env: Env): RedisConfig {
  const v = parseEnv('redis', redisEnv, env);
  return { url: v.REDIS_URL, prefix: v.QUEUE_PREFIX };
}
