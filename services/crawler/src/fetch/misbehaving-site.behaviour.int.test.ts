import { loadConfig } from '@claimwatch/shared/config';
import { insertDiscoveredPages, listFetchesForPage } from '@claimwatch/shared/db';
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
import { urlKey } from '../source/url-key.ts';
import { type RunningCrawler, startCrawler } from '../start-crawler.ts';
import { type MisbehavingSite, startMisbehavingSite } from '../testing/misbehaving-site.ts';

let site: MisbehavingSite;
let limited: MisbehavingSite;
let t: TestDatabase;
let q: TestQueues;
let queues: Queues;
let crawler: RunningCrawler;

beforeAll(async () => {
  site = await startMisbehavingSite();
  // A second host for the 429: its pause must not hold up the first host's pages.
  limited = await startMisbehavingSite({ retryAfterSeconds: 120 });
  t = await createTestDatabase();
  q = await createTestQueues();
  queues = createQueues(q.redis, q.prefix, {
    fetch: { attempts: 2, backoff: { type: 'fixed', delay: 100 } },
    extract: { attempts: 1 },
  });
  const config = loadConfig({
    CRAWLER_ALLOW_HOSTS: `${site.host},${limited.host}`,
    CRAWLER_HOST_GAP_OVERRIDES: `${site.host}=0,${limited.host}=0`,
    CRAWLER_TIMEOUT_MS: '1000',
    CRAWLER_MAX_BODY_BYTES: String(1024 * 1024),
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
  await limited?.close();
});

async function settledFetches(pageUrl: string, minimum = 1) {
  const page = await waitFor(async () =>
    t.db.selectFrom('pages').selectAll().where('url', '=', pageUrl).executeTakeFirst(),
  );
  return waitFor(async () => {
    const rows = await listFetchesForPage(t.db, page.id);
    return rows.length >= minimum ? { page, rows } : undefined;
  });
}

describe('fetching from a misbehaving site (real Redis, BullMQ, database)', () => {
  it('classifies every failure on the fetch row, never fetches what it must not, and stores the rest', async () => {
    const source = await buildSource(t.db, { kind: 'url', url: `${site.base}/unused` });
    const pages = await insertDiscoveredPages(
      t.db,
      source.id,
      [...site.paths.map((p) => `${site.base}${p}`), `${limited.base}/rate-limited`].map((url) => ({
        url,
        urlKey: urlKey(url),
      })),
    );
    await queues.enqueueMany(
      'fetch',
      pages.map((p) => ({ pageId: p.id })),
    );

    const outcome = async (path: string, base = site.base, minimum = 1) => {
      const { rows } = await settledFetches(`${base}${path}`, minimum);
      return rows.map((r) => `${r.outcome}:${r.error_code ?? ''}`);
    };
    expect(await outcome('/slow', site.base, 2)).toEqual([
      'transient:fetch_timeout',
      'transient:fetch_timeout',
    ]);
    expect(await outcome('/loop-a')).toEqual(['permanent:fetch_too_many_redirects']);
    expect(await outcome('/bomb')).toEqual(['permanent:fetch_too_large']);
    expect(await outcome('/huge')).toEqual(['permanent:fetch_too_large']);
    expect(await outcome('/to-loopback')).toEqual(['permanent:fetch_ssrf_refused']);
    expect(await outcome('/to-metadata')).toEqual(['permanent:fetch_ssrf_refused']);
    expect(await outcome('/to-localhost-name')).toEqual(['permanent:fetch_ssrf_refused']);
    expect(await outcome('/image')).toEqual(['permanent:fetch_unsupported_content']);
    expect(await outcome('/private/secret')).toEqual(['permanent:fetch_blocked_by_robots']);
    expect(await outcome('/rate-limited', limited.base)).toEqual(['politeness:fetch_rate_limited']);
    expect(site.hits.get('/private/secret')).toBeUndefined();

    // Permanent failures are final; robots.txt makes a page skipped, not failed.
    const statusOf = async (path: string) =>
      (
        await t.db
          .selectFrom('pages')
          .select('status')
          .where('url', '=', `${site.base}${path}`)
          .executeTakeFirst()
      )?.status;
    expect(await statusOf('/loop-a')).toBe('failed');
    expect(await statusOf('/private/secret')).toBe('skipped');
    const reason = (await settledFetches(`${site.base}/bomb`)).rows[0]!.reason;
    expect(reason).toMatch(/exceeds/);

    // 429 pauses the whole host for Retry-After, in Redis, for every process.
    const pausedUntil = Number(await q.redis.get(`${q.prefix}:politeness:${limited.host}:next`));
    expect(pausedUntil - Date.now()).toBeGreaterThan(60_000);

    // A page sent as UTF-8 but written in windows-1252 still reads right.
    const charset = await waitFor(async () =>
      t.db
        .selectFrom('documents')
        .selectAll()
        .where('url', '=', `${site.base}/wrong-charset`)
        .executeTakeFirst(),
    );
    expect(charset.text).toContain('Café crème – “the taste of a Saturday morning”');
  });

  it('files exact and syndicated copies of one story into one cluster, classified once', async () => {
    const urls = ['/dup-a', '/dup-b', '/syndicated-1', '/syndicated-2', '/syndicated-3'].map(
      (p) => `${site.base}${p}`,
    );
    const documents = await waitFor(async () => {
      const rows = await t.db.selectFrom('documents').selectAll().where('url', 'in', urls).execute();
      return rows.length === urls.length ? rows : undefined;
    });
    const appearances = await t.db
      .selectFrom('cluster_appearances')
      .selectAll()
      .where(
        'document_id',
        'in',
        documents.map((d) => d.id),
      )
      .execute();
    expect(new Set(appearances.map((a) => a.cluster_id)).size).toBe(1);
    // Which copy arrives first depends on scheduling; exactly one starts the cluster, and of the two
    // byte-identical pages the later one is an exact copy.
    expect(appearances.filter((a) => a.match === 'first')).toHaveLength(1);
    const byUrl = new Map(appearances.map((a) => [a.url.replace(site.base, ''), a.match]));
    expect([byUrl.get('/dup-a'), byUrl.get('/dup-b')]).toContain('exact');
    expect(appearances.every((a) => ['first', 'exact', 'near'].includes(a.match))).toBe(true);
    const cluster = await t.db
      .selectFrom('document_clusters')
      .selectAll()
      .where('id', '=', appearances[0]!.cluster_id)
      .executeTakeFirstOrThrow();
    expect(cluster.appearance_count).toBe(5);
    expect(documents.filter((d) => d.status !== 'duplicate')).toHaveLength(1);
    const classifyJobs = await queues
      .queue('classify')
      .getJobs(['waiting', 'delayed', 'active', 'completed']);
    const classified = classifyJobs.filter((j) => documents.some((d) => d.id === j.data.documentId));
    expect(classified).toHaveLength(1);
  });
});
