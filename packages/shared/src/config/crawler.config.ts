import { z } from 'zod';
import { type Env, envInt, parseEnv } from './env.ts';

const hostList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );

export const crawlerEnv = z.object({
  CRAWLER_USER_AGENT: z
    .string()
    .min(3)
    .default('ClaimWatchBot/0.1')
    .describe('Product token sent in the User-Agent header and matched against robots.txt groups.'),
  CRAWLER_CONTACT_URL: z
    .url({ message: 'expected a URL' })
    .default('https://github.com/claimwatch/claimwatch#crawler')
    .describe('Contact URL appended to the User-Agent so site owners can reach the operator.'),
  CRAWLER_HOST_GAP_MS: envInt(5000, 0, 600000).describe(
    'Minimum time between two request starts to the same host, across all worker processes.',
  ),
  CRAWLER_TIMEOUT_MS: envInt(20000, 1000, 300000).describe('Total time allowed for one HTTP fetch.'),
  CRAWLER_MAX_BODY_BYTES: envInt(8 * 1024 * 1024, 1024, 256 * 1024 * 1024).describe(
    'Largest response body accepted, compressed and decompressed.',
  ),
  CRAWLER_FETCH_CONCURRENCY: envInt(8, 1, 256).describe('Fetch jobs run at once per crawler process.'),
  CRAWLER_RENDER_CONCURRENCY: envInt(1, 1, 16).describe('Chromium renders run at once per crawler process.'),
  CRAWLER_ALLOW_HOSTS: hostList.describe(
    'Comma-separated host[:port] list the SSRF guard lets through even on private/loopback addresses (the demo site adds itself).',
  ),
  CRAWLER_HOST_GAP_OVERRIDES: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const out: Record<string, number> = {};
      for (const entry of s
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean)) {
        const match = /^([^=\s]+)=(\d+)$/.exec(entry);
        if (!match) {
          ctx.addIssue({ code: 'custom', message: `expected host[:port]=milliseconds, got "${entry}"` });
          return z.NEVER;
        }
        out[match[1]!.toLowerCase()] = Number(match[2]);
      }
      return out;
    })
    .describe(
      'Per-host exceptions to the gap, as host[:port]=ms pairs separated by commas (for sites you own; the demo site adds itself).',
    ),
  CRAWLER_MAX_REDIRECTS: envInt(5, 0, 20).describe(
    'Redirects followed per fetch (each hop re-checked by the SSRF guard).',
  ),
  CRAWLER_POLL_MIN_SECONDS: envInt(600, 60, 86400).describe(
    'Fastest adaptive poll interval of a source whose listing keeps showing new items (never faster than its own setting).',
  ),
  CRAWLER_POLL_MAX_SECONDS: envInt(86400, 600, 7 * 86400).describe(
    'Slowest adaptive poll interval of a source whose listing stops changing.',
  ),
  CRAWLER_SITEMAP_MAX_AGE_DAYS: envInt(7, 1, 3650).describe(
    'Sitemap entries whose lastmod (or Google News publication date) is older than this are not crawled.',
  ),
  CRAWLER_RENDER_TIMEOUT_MS: envInt(30000, 1000, 300000).describe('Time allowed for one Chromium render.'),
  CHROMIUM_PATH: z
    .string()
    .default('/usr/bin/chromium')
    .describe('Chromium executable for pages that need JavaScript (OS package `chromium`).'),
});

export type CrawlerConfig = {
  userAgent: string;
  hostGapMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  fetchConcurrency: number;
  renderConcurrency: number;
  allowHosts: string[];
  hostGapOverrides: Record<string, number>;
  chromiumPath: string;
  maxRedirects: number;
  pollMinSeconds: number;
  pollMaxSeconds: number;
  sitemapMaxAgeDays: number;
  renderTimeoutMs: number;
};

export function loadCrawlerConfig(env: Env): CrawlerConfig {
  const v = parseEnv('crawler', crawlerEnv, env);
  return {
    userAgent: `${v.CRAWLER_USER_AGENT} (+${v.CRAWLER_CONTACT_URL})`,
    hostGapMs: v.CRAWLER_HOST_GAP_MS,
    timeoutMs: v.CRAWLER_TIMEOUT_MS,
    maxBodyBytes: v.CRAWLER_MAX_BODY_BYTES,
    fetchConcurrency: v.CRAWLER_FETCH_CONCURRENCY,
    renderConcurrency: v.CRAWLER_RENDER_CONCURRENCY,
    allowHosts: v.CRAWLER_ALLOW_HOSTS,
    hostGapOverrides: v.CRAWLER_HOST_GAP_OVERRIDES,
    chromiumPath: v.CHROMIUM_PATH,
    maxRedirects: v.CRAWLER_MAX_REDIRECTS,
    pollMinSeconds: v.CRAWLER_POLL_MIN_SECONDS,
    pollMaxSeconds: v.CRAWLER_POLL_MAX_SECONDS,
    sitemapMaxAgeDays: v.CRAWLER_SITEMAP_MAX_AGE_DAYS,
    renderTimeoutMs: v.CRAWLER_RENDER_TIMEOUT_MS,
  };
}
