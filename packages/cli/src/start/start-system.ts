import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureStarterReferenceData, startClassifier } from '@claimwatch/classifier';
import { startCrawler } from '@claimwatch/crawler';
import { type DemoSite, startDemoSite } from '@claimwatch/infra/demo-site';
import { ensureService } from '@claimwatch/infra/services';
import { startDigestWorker, startReviewUi } from '@claimwatch/review-ui';
import type { Config, Env } from '@claimwatch/shared/config';
import type { Db } from '@claimwatch/shared/db';
import { createLogger, type Logger } from '@claimwatch/shared/logging';
import { createQueues, createRedisConnection } from '@claimwatch/shared/queues';
import { pino } from 'pino';
import { openMigratedDatabase } from '../runtime.ts';
import { type DemoAccount, seedDemoAccounts, seedDemoSources } from './demo-seed.ts';

export type StartOptions = { withDemo: boolean; logToStdout: boolean };

export type RunningSystem = {
  db: Db;
  uiUrl: string;
  demoSite: DemoSite | undefined;
  demoAccounts: DemoAccount[];
  logFile: string | undefined;
  stop(): Promise<void>;
};

const DEMO_HOST_GAP_MS = 200;

function isManagedRedis(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

function createSystemLogger(
  config: Config,
  logToStdout: boolean,
): { logger: Logger; logFile: string | undefined } {
  if (logToStdout) return { logger: createLogger(config.logging, 'claimwatch'), logFile: undefined };
  const logDir = path.join(config.paths.dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'claimwatch.log');
  return {
    logger: createLogger(config.logging, 'claimwatch', pino.destination({ dest: logFile, sync: false })),
    logFile,
  };
}

/**
 * Everything in one process: Redis (ensured), the database (migrated), the demo site, the crawler and
 * classifier workers and the review UI. With the embedded database this is the only way to run, since
 * PGlite serves one process.
 */
export async function startSystem(
  env: Env,
  baseConfig: Config,
  options: StartOptions,
): Promise<RunningSystem> {
  const closers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  };
  try {
    if (isManagedRedis(baseConfig.redis.url)) await ensureService('redis', { ...env } as NodeJS.ProcessEnv);

    const { logger, logFile } = createSystemLogger(baseConfig, options.logToStdout);
    const database = await openMigratedDatabase(baseConfig);
    closers.push(() => database.close());
    // First start: the starter verified facts and narratives, so flags have references from the outset.
    const starter = await ensureStarterReferenceData(database.db);
    if (starter.facts || starter.narratives) logger.info(starter, 'starter reference data imported');

    let demoSite: DemoSite | undefined;
    let config = baseConfig;
    if (options.withDemo) {
      demoSite = await startDemoSite({ port: config.demo.sitePort });
      closers.push(() => demoSite!.close());
      // The demo site is ours and on loopback: let the SSRF guard through to it, and crawl it briskly.
      config = {
        ...config,
        crawler: {
          ...config.crawler,
          allowHosts: [...config.crawler.allowHosts, demoSite.host],
          hostGapOverrides: { ...config.crawler.hostGapOverrides, [demoSite.host]: DEMO_HOST_GAP_MS },
        },
      };
      await seedDemoSources(database.db, demoSite);
    }
    const demoAccounts = options.withDemo ? await seedDemoAccounts(database.db, config.paths.dataDir) : [];

    const redis = createRedisConnection(config.redis.url);
    await redis.ping();
    closers.push(async () => {
      await redis.quit();
    });
    const queues = createQueues(redis, config.redis.prefix);
    closers.push(() => queues.close());
    const shared = { db: database.db, redis, queues, prefix: config.redis.prefix, logger };

    const crawler = startCrawler({ ...shared, config: config.crawler });
    closers.push(() => crawler.close());
    const classifier = startClassifier({
      ...shared,
      config: config.classifier,
      modelsDir: config.paths.modelsDir,
    });
    closers.push(() => classifier.close());
    const ui = await startReviewUi({
      db: database.db,
      config: config.reviewUi,
      logger,
      dataDir: config.paths.dataDir,
      redis: { client: redis, prefix: config.redis.prefix },
      digest: { ...config.digest, chromiumPath: config.crawler.chromiumPath },
    });
    closers.push(() => ui.close());
    const digest = await startDigestWorker({ ...shared, config: config.digest, publicUrl: ui.url });
    closers.push(() => digest.close());

    return { db: database.db, uiUrl: ui.url, demoSite, demoAccounts, logFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
