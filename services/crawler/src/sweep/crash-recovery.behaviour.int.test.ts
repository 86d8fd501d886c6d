import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { insertDiscoveredPages } from '@claimwatch/shared/db';
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
import { urlKey } from '../source/url-key.ts';
import { articleHtml } from '../testing/misbehaving-site.ts';
import { spawnChild } from '../testing/spawn-child.ts';

// A crawler process is killed with SIGKILL while it fetches; a second one takes over. Every page still
// ends up with exactly one snapshot and one document, each classified once. Several processes need one
// database, so this test uses PostgreSQL in both integration runs (PGlite is single-process).
const PAGES = 12;
const LOCK_MS = 1500;

let server: Server;
let base = '';
let inFlight = 0;
let t: TestDatabase;
let q: TestQueues;
let queues: Queues;

const WORDS =
  'river mountain harbour railway festival library orchard bridge market school hospital airport museum theatre garden factory stadium forest island valley desert canal tower village'.split(
    ' ',
  );
/** Twelve unrelated stories (distinct vocabulary), so that none is a near copy of another. */
const story = (i: number) => {
  const w = (k: number) => WORDS[(i * 7 + k) % WORDS.length]!;
  return [
    `The ${w(0)} near the ${w(1)} reopened after the ${w(2)} was repaired, and the ${w(3)} crews moved on to the ${w(4)}.`,
    `Residents of the ${w(5)} district asked whether the ${w(6)} and the ${w(7)} would be next, while the ${w(8)} stayed shut.`,
    `Officials promised that the ${w(9)} and the ${w(10)} would get money next year, after the ${w(11)} plan is approved.`,
  ];
};

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
    const i = Number(/article-(\d+)/.exec(req.url ?? '')?.[1] ?? -1);
    inFlight++;
    // Slow answers, so that the kill lands while fetches are in flight.
    setTimeout(() => {
      inFlight--;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(articleHtml(`Story ${i}`, story(i)));
    }, 400);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTestDatabase({ kind: 'postgres' });
  q = await createTestQueues();
  queues = createQueues(q.redis, q.prefix);
});

afterAll(async () => {
  await queues?.close();
  await q?.close();
  await t?.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('crash recovery (kill -9 mid-fetch, real PostgreSQL, Redis and BullMQ)', () => {
  it('stores every page exactly once after a worker dies mid-fetch', async () => {
    const source = await buildSource(t.db, { kind: 'url', url: `${base}/index` });
    const pages = await insertDiscoveredPages(
      t.db,
      source.id,
      Array.from({ length: PAGES }, (_, i) => `${base}/article-${i}.html`).map((url) => ({
        url,
        urlKey: urlKey(url),
      })),
    );
    const args = {
      databaseUrl: t.url,
      prefix: q.prefix,
      allowHost: new URL(base).host,
      lockDurationMs: LOCK_MS,
    };
    const first = spawnChild(new URL('../testing/crawler-child.ts', import.meta.url), args);
    await waitFor(async () => first.lines.includes('ready'));
    await queues.enqueueMany(
      'fetch',
      pages.map((p) => ({ pageId: p.id })),
    );
    // Kill once some pages are stored and others are being fetched.
    await waitFor(async () => {
      const stored = await t.db.selectFrom('documents').select('id').execute();
      return stored.length >= 2 && inFlight > 0;
    });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const storedAtKill = (await t.db.selectFrom('documents').select('id').execute()).length;
    expect(storedAtKill).toBeLessThan(PAGES);

    const second = spawnChild(new URL('../testing/crawler-child.ts', import.meta.url), args);
    try {
      const documents = await waitFor(async () => {
        const rows = await t.db.selectFrom('documents').select(['id', 'page_id']).execute();
        return rows.length === PAGES ? rows : undefined;
      }, 50_000);
      expect(new Set(documents.map((d) => d.page_id)).size).toBe(PAGES);
      const snapshots = await t.db.selectFrom('snapshots').select('page_id').execute();
      expect(snapshots).toHaveLength(PAGES);
      const statuses = await t.db.selectFrom('pages').select('status').execute();
      expect(statuses.every((p) => p.status === 'extracted')).toBe(true);
      const classify = await waitFor(async () => {
        const jobs = await queues.queue('classify').getJobs(['waiting', 'delayed']);
        return jobs.length === PAGES ? jobs : undefined;
      });
      expect(new Set(classify.map((j) => j.data.documentId)).size).toBe(PAGES);
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }
  }, 90_000);
});
