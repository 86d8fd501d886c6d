/**
 * `pnpm bench:crawl`: throughput of our crawler against baselines run side by side in this process.
 *  1. fetch + extract, pages/s, on a local fixture site (politeness off for both):
 *     ours = guarded undici client + charset sniffing + our extractor;
 *     baseline = Crawlee's CheerioCrawler fetching + Readability/jsdom extracting.
 *  2. extraction only, pages/s: our extractor vs Readability + jsdom, on the article-extraction-benchmark
 *     dev pages when CLAIMWATCH_SHARED_DATA has them, else on the fixture pages.
 * Each pair runs twice in alternating order (A B B A); figures are the means. Peak RSS is sampled.
 *   --pages N (default 300)   --concurrency N (default 16)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadConfig, readProcessEnv } from '@claimwatch/shared/config';
import { CheerioCrawler, Configuration, log } from '@crawlee/cheerio';
import { decodeHtml } from '../src/extract/decode-html.ts';
import { extractArticle } from '../src/extract/extract-article.ts';
import { extractWithReadability } from '../src/extract/readability-baseline.ts';
import { createHttpClient } from '../src/fetch/http-fetch.ts';
import { httpOptions } from '../src/fetch/polite-fetch.ts';
import { fixturePage } from './bench-fixture-page.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PAGES = option('--pages', 300);
const CONCURRENCY = option('--concurrency', 16);
log.setLevel(log.LEVELS.OFF);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const pages = Array.from({ length: PAGES }, (_, i) => fixturePage(i));
const server = createServer((req, res) => {
  const i = Number(/\/article-(\d+)\.html/.exec(req.url ?? '')?.[1] ?? -1);
  if (!pages[i]) {
    res.statusCode = 404;
    return res.end();
  }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(pages[i]);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const urls = pages.map((_, i) => `${base}/article-${i}.html`);
const config = loadConfig({ ...readProcessEnv(), CRAWLER_ALLOW_HOSTS: new URL(base).host });

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function oursFetchExtract(): Promise<number> {
  const http = createHttpClient({ allowHosts: config.crawler.allowHosts });
  let chars = 0;
  await pool(urls, CONCURRENCY, async (url) => {
    const response = await http.fetch(url, httpOptions(config.crawler));
    const { html } = decodeHtml(response.body, response.headers['content-type']);
    chars += extractArticle(html, response.url).text.length;
  });
  await http.close();
  return chars;
}

async function crawleeFetchExtract(): Promise<number> {
  let chars = 0;
  const crawler = new CheerioCrawler(
    {
      minConcurrency: CONCURRENCY,
      maxConcurrency: CONCURRENCY,
      maxRequestRetries: 0,
      useSessionPool: false,
      requestHandler: async ({ body, request }) => {
        chars += extractWithReadability(String(body), request.url).text.length;
      },
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  await crawler.run(urls.map((url) => ({ url, uniqueKey: `${url}#${Math.random()}` })));
  return chars;
}

function extractionPages(): { html: string; url: string }[] {
  const dataDir = config.evaluation.sharedDataDir;
  const file = path.join(dataDir, 'article-extraction-benchmark/dev.jsonl.gz');
  if (!existsSync(file)) return pages.map((html, i) => ({ html, url: urls[i]! }));
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { html: string; url: string });
}

async function timed(run: () => Promise<unknown> | unknown, count: number): Promise<number> {
  const started = performance.now();
  await run();
  return count / ((performance.now() - started) / 1000);
}

/** A B B A: each side runs twice, in alternating order; the mean of each side's pages/s. */
async function sideBySide(
  a: () => Promise<unknown> | unknown,
  b: () => Promise<unknown> | unknown,
  count: number,
) {
  const ra = [await timed(a, count)];
  const rb = [await timed(b, count)];
  rb.push(await timed(b, count));
  ra.push(await timed(a, count));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return { ours: mean(ra), baseline: mean(rb) };
}

const crawl = await sideBySide(oursFetchExtract, crawleeFetchExtract, PAGES);
const docs = extractionPages();
const extraction = await sideBySide(
  () => {
    for (const d of docs) {
      try {
        extractArticle(d.html, d.url);
      } catch {
        // pages without an article count as work done
      }
    }
  },
  () => {
    for (const d of docs) extractWithReadability(d.html, d.url);
  },
  docs.length,
);
clearInterval(sampler);
server.close();

const line = (label: string, r: { ours: number; baseline: number }, baseline: string) =>
  `${label.padEnd(34)} ours ${r.ours.toFixed(1).padStart(7)} pages/s   ${baseline.padEnd(30)} ${r.baseline
    .toFixed(1)
    .padStart(7)} pages/s   ratio ${(r.ours / r.baseline).toFixed(2)}`;
console.log(`bench:crawl  (${PAGES} fixture pages, concurrency ${CONCURRENCY}, politeness off)`);
console.log(line('fetch + extract (local site)', crawl, 'Crawlee CheerioCrawler+Readability'));
console.log(line(`extraction only (${docs.length} pages)`, extraction, 'Readability + jsdom'));
console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (whole run)`);
process.exit(0);
