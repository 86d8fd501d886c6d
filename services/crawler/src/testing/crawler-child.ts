/**
 * Child process for the crash test: a whole crawler (poll, fetch, extract workers and the sweeper) on
 * the given PostgreSQL database and queue prefix, until it is killed.
 * argv[2]: JSON { databaseUrl, prefix, allowHost, lockDurationMs }.
 */
import { loadConfig, readProcessEnv } from '@claimwatch/shared/config';
import { openPostgres } from '@claimwatch/shared/db';
import { createLogger } from '@claimwatch/shared/logging';
import { createQueues, createRedisConnection } from '@claimwatch/shared/queues';
import { startCrawler } from '../start-crawler.ts';

const { databaseUrl, prefix, allowHost, lockDurationMs } = JSON.parse(process.argv[2]!) as {
  databaseUrl: string;
  prefix: string;
  allowHost: string;
  lockDurationMs: number;
};
const config = loadConfig({
  ...readProcessEnv(),
  CRAWLER_ALLOW_HOSTS: allowHost,
  CRAWLER_HOST_GAP_OVERRIDES: `${allowHost}=0`,
  LOG_LEVEL: 'silent',
});
const database = openPostgres(databaseUrl, 4);
const redis = createRedisConnection(config.redis.url);
const queues = createQueues(redis, prefix);
startCrawler({
  db: database.db,
  redis,
  queues,
  prefix,
  config: config.crawler,
  logger: createLogger(config.logging, 'crash-child'),
  scheduleEveryMs: 60_000,
  sweepEveryMs: 1_000,
  sweepGraceMs: 2_000,
  lockDurationMs,
  stalledIntervalMs: lockDurationMs,
});
process.stdout.write('ready\n');
