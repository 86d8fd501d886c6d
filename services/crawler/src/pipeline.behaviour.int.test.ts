import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@claimwatch/shared/config';
import { listFetchesForPage } from '@claimwatch/shared/db';
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
import { type RunningCrawler, startCrawler } from './start-crawler.ts';

// A local site that fails the first request for one article with a 500: the fetch must be retried.
let server: Server;
let base = '';
const hits = new Map<string, number>();
const article = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title><meta property="article:published_time" content="2026-11-02T08:00:00+07:00"></head>
   <body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body
     .split('|')
     .map((p) => `<p>${p}</p>`)
     .join('')}</article><footer>Footer links</footer></body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/robots.txt') return res.end('User-agent: *\nDisallow: /private/\n');
    if (path === '/feed.xml') {
      res.setHeader('content-type', 'application/rss+xml');
      return res.end(`<rss version="2.0"><channel><title>Fixture</title>
        <item><title>One</title><link>${base}/one.html?utm_source=rss</link></item>
        <item><title>Flaky</title><link>${base}/flaky.html</link></item>
        <item><title>Secret</title><link>${base}/private/secret.html</link></item>
        <item><title>One again</title><link>${base}/one.html#top</link></item>
      </channel></rss>`);
    }
    if (path === '/flaky.html' && hits.get(path) === 1) {
      res.statusCode = 500;
      return res.end('temporary failure');
    }
    const titles: Record<string, string> = {
      '/one.html': 'Vietnam and Japan sign a deal',
      '/flaky.html': 'Vietnam and Korea talk',
    };
    const title = titles[path.split('?')[0]!];
    if (title) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(
        article(
          title,
          `${title} in Hanoi on Monday, officials said.|The agreement covers trade, investment and education between the two countries over five years.`,
        ),
      );
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let t: TestDatabase;
let q: TestQueues;
let queues: Queues;
let crawler: RunningCrawler;

beforeAll(async () => {
  t = await createTestDatabase();
  q = await createTestQueues();
  // Short backoff so that the retried fetch happens within the test.
  queues = createQueues(q.redis, q.prefix, {
    fetch: { attempts: 3, backoff: { type: 'fixed', delay: 200 } },
  });
  const host = new URL(base).host;
  const config = loadConfig({
    CRAWLER_ALLOW_HOSTS: host,
    CRAWLER_HOST_GAP_OVERRIDES: `${host}=0`,
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
});

describe('crawler pipeline (real Redis, BullMQ and database)', () => {
  it('flows poll → fetch → extract, retries a transient failure, honours robots.txt and deduplicates', async () => {
    const source = await buildSource(t.db, { url: `${base}/feed.xml` });
    const dueAt = new Date().toISOString();
    // The same poll enqueued twice is one job; the same URL listed twice is one page.
    await queues.enqueue('poll', { sourceId: source.id, dueAt });
    await queues.enqueue('poll', { sourceId: source.id, dueAt });

    const documents = await waitFor(async () => {
      const rows = await t.db.selectFrom('documents').selectAll().execute();
      return rows.length === 2 ? rows : undefined;
    });
    expect(documents.map((d) => d.title).sort()).toEqual([
      'Vietnam and Japan sign a deal',
      'Vietnam and Korea talk',
    ]);
    expect(documents.every((d) => d.text.includes('The agreement covers trade'))).toBe(true);

    const pages = await t.db.selectFrom('pages').selectAll().orderBy('url').execute();
    expect(pages).toHaveLength(3);
    const secret = pages.find((p) => p.url.includes('/private/'))!;
    await waitFor(async () =>
      (await t.db.selectFrom('pages').select('status').where('id', '=', secret.id).executeTakeFirst())
        ?.status === 'skipped'
        ? true
        : undefined,
    );
    expect(hits.get('/private/secret.html')).toBeUndefined();

    const flaky = pages.find((p) => p.url.endsWith('/flaky.html'))!;
    const attempts = await listFetchesForPage(t.db, flaky.id);
    expect(attempts.map((f) => f.outcome)).toEqual(['transient', 'ok']);
    expect(attempts[0]!.reason).toMatch(/HTTP 500/);

    // Re-running a fetch of a stored page stores nothing twice.
    const one = pages.find((p) => p.url.includes('/one.html'))!;
    await queues.enqueue('fetch', { pageId: one.id }, { jobId: `refetch-${one.id}` });
    await waitFor(async () => ((await listFetchesForPage(t.db, one.id)).length === 2 ? true : undefined));
    await waitFor(async () => {
      const job = await queues.queue('extract').getJobs(['waiting', 'active', 'delayed']);
      return job.length === 0 ? true : undefined;
    });
    expect(
      await t.db.selectFrom('snapshots').select('id').where('page_id', '=', one.id).execute(),
    ).toHaveLength(1);
    expect(await t.db.selectFrom('documents').select('id').execute()).toHaveLength(2);
  });
});
