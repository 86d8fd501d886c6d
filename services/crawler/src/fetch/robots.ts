import { createRequire } from 'node:module';
import { AppError } from '@claimwatch/shared/errors';
import type { HttpClient, HttpFetchOptions } from './http-fetch.ts';

type Robots = {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
};
// robots-parser is CommonJS with `module.exports = fn`, which its typings describe as an ES default export.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (
  url: string,
  robotsTxt: string,
) => Robots;

type CacheEntry = { robots: Robots | 'allow-all' | 'disallow-all'; expiresAt: number };

export type RobotsDecision = { isAllowed: boolean; crawlDelayMs: number | undefined };

const DAY_MS = 24 * 3600 * 1000;
const UNREACHABLE_RETRY_MS = 10 * 60 * 1000;

/**
 * robots.txt per origin (RFC 9309): 4xx means no restrictions, 5xx or an unreachable server means
 * "disallow everything for now", a parsed file is kept for a day. One fetch per origin at a time.
 */
export function createRobotsCache(http: HttpClient, fetchOptions: Omit<HttpFetchOptions, 'accept'>) {
  const cache = new Map<string, CacheEntry>();
  const inFlight = new Map<string, Promise<CacheEntry>>();
  const agentToken = fetchOptions.userAgent.split(/[\s/]/)[0] ?? fetchOptions.userAgent;

  async function load(origin: string): Promise<CacheEntry> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const response = await http.fetch(robotsUrl, {
        ...fetchOptions,
        maxBodyBytes: Math.min(fetchOptions.maxBodyBytes, 500 * 1024),
        accept: 'text/plain,*/*;q=0.5',
      });
      if (response.status >= 400 && response.status < 500)
        return { robots: 'allow-all', expiresAt: Date.now() + DAY_MS };
      if (response.status >= 500)
        return { robots: 'disallow-all', expiresAt: Date.now() + UNREACHABLE_RETRY_MS };
      return {
        robots: robotsParser(robotsUrl, response.body.toString('utf8')),
        expiresAt: Date.now() + DAY_MS,
      };
    } catch (error) {
      if (error instanceof AppError && error.code === 'fetch_ssrf_refused') throw error;
      return { robots: 'disallow-all', expiresAt: Date.now() + UNREACHABLE_RETRY_MS };
    }
  }

  async function entryFor(origin: string): Promise<CacheEntry> {
    const cached = cache.get(origin);
    if (cached && cached.expiresAt > Date.now()) return cached;
    let pending = inFlight.get(origin);
    if (!pending) {
      pending = load(origin).finally(() => inFlight.delete(origin));
      inFlight.set(origin, pending);
    }
    const entry = await pending;
    cache.set(origin, entry);
    return entry;
  }

  return {
    async check(url: string): Promise<RobotsDecision> {
      const { origin } = new URL(url);
      const { robots } = await entryFor(origin);
      if (robots === 'allow-all') return { isAllowed: true, crawlDelayMs: undefined };
      if (robots === 'disallow-all') return { isAllowed: false, crawlDelayMs: undefined };
      const delay = robots.getCrawlDelay(agentToken);
      return {
        isAllowed: robots.isAllowed(url, agentToken) !== false,
        crawlDelayMs: delay === undefined ? undefined : delay * 1000,
      };
    },
  };
}

export type RobotsCache = ReturnType<typeof createRobotsCache>;
