import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@claimwatch/shared/config';
import { createLogger } from '@claimwatch/shared/logging';
import { createQueues, type Queues } from '@claimwatch/shared/queues';
import {
  buildSource,
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
  waitFor,
} from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCrawler, startCrawler } from '../start-crawler.ts';
import { type MisbehavingSite, startMisbehavingSite } from '../testing/misbehaving-site.ts';

// A page whose article exists only after JavaScript runs, from a source that opted into rendering.
// The page also tries to reach another local server from the browser: the SSRF guard refuses it.
let site: MisbehavingSite;
let privateServer: Server;
let privateHits = 0;
let t: TestDatabase;
let q: TestQueues;
let queues: Queues;
let crawler: RunningCrawler;

beforeAll(async () => {
  privateServer = createServer((_req, res) => {
    privateHits++;
    res.end('internal secret');
  });
  await new Promise<void>((resolve) => privateServer.listen(0, '127.0.0.1', resolve));
  const privatePort = (privateServer.address() as AddressInfo).port;
  site = await startMisbehavingSite({ forbiddenUrl: `http://127.0.0.1:${privatePort}/secret` });
  t = await createTestDatabase();
  q = await createTestQueues();
  queues = createQueues(q.redis, q.prefix, { render: { attempts: 1 } });
  const config = loadConfig({
    CRAWLER_ALLOW_HOSTS: site.host,
    CRAWLER_HOST_GAP_OVERRIDES: `${site.host}=0`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  crawler = startCrawler({
    db: t.db,
    redis: q.redis,
    queues,
    prefix: q.prefix,
    config: config.crawler,
    logger: createLogger(config.logging, 'test'),
    scheduleEveryMs: 60_000,
  });
});

afterAll(async () => {
  await crawler?.close();
  await queues?.close();
  await q?.close();
  await t?.close();
  await site?.close();
  await new Promise<void>((resolve) => privateServer.close(() => resolve()));
});

describe('rendering JavaScript-only pages (real Chromium, Redis, BullMQ, database)', () => {
  it('renders an opted-in page on the render queue, extracts its article, and keeps the browser inside the SSRF guard', async () => {
    const source = await buildSource(t.db, { kind: 'url', url: `${site.base}/js-only`, render: true });
    await queues.enqueue('poll', { sourceId: source.id, dueAt: new Date().toISOString() });
    const document = await waitFor(
      async () =>
        t.db.selectFrom('documents').selectAll().where('url', '=', `${site.base}/js-only`).executeTakeFirst(),
      60_000,
    );
    expect(document.text).toContain('Vietnam and Korea signed an agreement on Monday in Hanoi');
    expect(document.text).not.toContain('LEAKED');
    expect(privateHits).toBe(0);
    const fetches = await t.db
      .selectFrom('fetches')
      .selectAll()
      .where('page_id', '=', document.page_id)
      .execute();
    expect(fetches.map((f) => f.reason)).toEqual(['rendered in Chromium']);
    const renderJobs = await queues.queue('render').getJobs(['completed']);
    expect(renderJobs.map((j) => j.data.pageId)).toEqual([document.page_id]);
  }, 90_000);
});
