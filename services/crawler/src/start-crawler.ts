import type { CrawlerConfig } from '@claimwatch/shared/config';
import type { Db } from '@claimwatch/shared/db';
import type { Logger } from '@claimwatch/shared/logging';
import { type HandlerMap, type Queues, startWorkers } from '@claimwatch/shared/queues';
import type { Redis } from 'ioredis';
import { handleFetch } from './fetch/fetch.worker.ts';
import { createHostPoliteness } from './fetch/host-politeness.ts';
import { createHttpClient } from './fetch/http-fetch.ts';
import { createPageRenderer } from './fetch/page-renderer.ts';
import { httpOptions } from './fetch/polite-fetch.ts';
import { handleRender } from './fetch/render.worker.ts';
import { createRobotsCache } from './fetch/robots.ts';
import { handlePoll } from './source/poll.worker.ts';
import { schedulePolls } from './source/schedule-polls.ts';
import { handleExtract } from './store/extract.worker.ts';
import { sweepStalledPages } from './sweep/sweep-stalled-pages.ts';

export type CrawlerDeps = {
  db: Db;
  redis: Redis;
  queues: Queues;
  prefix: string;
  config: CrawlerConfig;
  logger: Logger;
  /** How often due sources are looked for, and stalled pages swept. */
  scheduleEveryMs?: number;
  sweepEveryMs?: number;
  sweepGraceMs?: number;
  /** Job lock and stalled-job check (BullMQ defaults unless a crash test shortens them). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
};

export type RunningCrawler = { close(): Promise<void> };

export function startCrawler(deps: CrawlerDeps): RunningCrawler {
  const logger = deps.logger.child({ service: 'crawler' });
  const http = createHttpClient({ allowHosts: deps.config.allowHosts });
  const robots = createRobotsCache(http, httpOptions(deps.config));
  const politeness = createHostPoliteness(deps.redis, deps.prefix, deps.config.timeoutMs + 5_000);
  const renderer = createPageRenderer(http, deps.config.chromiumPath);
  const stageDeps = {
    db: deps.db,
    queues: deps.queues,
    http,
    robots,
    politeness,
    renderer,
    config: deps.config,
  };

  const handlers: HandlerMap<'crawler'> = {
    poll: handlePoll(stageDeps),
    fetch: handleFetch(stageDeps),
    render: handleRender(stageDeps),
    extract: handleExtract(stageDeps),
  };
  const workers = startWorkers('crawler', handlers, {
    connection: deps.redis,
    prefix: deps.prefix,
    logger,
    concurrency: { fetch: deps.config.fetchConcurrency, render: deps.config.renderConcurrency },
    lockDurationMs: deps.lockDurationMs,
    stalledIntervalMs: deps.stalledIntervalMs,
  });

  const every = (ms: number, task: () => Promise<unknown>, name: string) => {
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await task();
      } catch (error) {
        logger.error(
          { task: name, err: error instanceof Error ? error.message : String(error) },
          'periodic task failed',
        );
      } finally {
        running = false;
      }
    }, ms);
    return timer;
  };
  void schedulePolls(stageDeps).catch((error) =>
    logger.error({ err: String(error) }, 'first poll scheduling failed'),
  );
  const timers = [
    every(deps.scheduleEveryMs ?? 5_000, () => schedulePolls(stageDeps), 'schedule-polls'),
    every(
      deps.sweepEveryMs ?? 60_000,
      () => sweepStalledPages(stageDeps, deps.sweepGraceMs ?? 10 * 60_000),
      'sweep-pages',
    ),
  ];

  return {
    async close() {
      for (const t of timers) clearInterval(t);
      await workers.close();
      await renderer.close();
      await http.close();
    },
  };
}
