import type { CrawlerConfig } from '@claimwatch/shared/config';
import { AppError } from '@claimwatch/shared/errors';
import type { HostPoliteness } from './host-politeness.ts';
import { errorForStatus, type HttpClient, type HttpFetchOptions, type HttpResponse } from './http-fetch.ts';
import type { RobotsCache } from './robots.ts';

export type FetchDeps = {
  http: HttpClient;
  robots: RobotsCache;
  politeness: HostPoliteness;
  config: CrawlerConfig;
};

/** Crawl-delay above this makes us skip the host, unless the operator set a gap for it. */
const MAX_CRAWL_DELAY_MS = 30_000;

export function httpOptions(config: CrawlerConfig): HttpFetchOptions {
  return {
    userAgent: config.userAgent,
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    maxRedirects: config.maxRedirects,
  };
}

/** The gap to keep for a URL's host: operator override, else the larger of our default and Crawl-delay. */
export function hostGapFor(config: CrawlerConfig, url: URL, crawlDelayMs: number | undefined): number {
  const override =
    config.hostGapOverrides[url.host.toLowerCase()] ?? config.hostGapOverrides[url.hostname.toLowerCase()];
  if (override !== undefined) return override;
  if (crawlDelayMs !== undefined && crawlDelayMs > MAX_CRAWL_DELAY_MS) {
    throw new AppError(
      'fetch_blocked_by_robots',
      `robots.txt asks for a Crawl-delay of ${crawlDelayMs / 1000} s on ${url.host} (limit ${MAX_CRAWL_DELAY_MS / 1000} s)`,
    );
  }
  return Math.max(config.hostGapMs, crawlDelayMs ?? 0);
}

/**
 * One polite GET: robots.txt allows it, the host's slot is free, and the answer is a success (or 304).
 * Throws an AppError whose kind says whether to retry, delay or give up.
 */
export async function politeFetch(
  deps: FetchDeps,
  rawUrl: string,
  options: Partial<HttpFetchOptions> = {},
): Promise<HttpResponse> {
  const url = new URL(rawUrl);
  const decision = await deps.robots.check(url.href);
  if (!decision.isAllowed) throw new AppError('fetch_blocked_by_robots', `robots.txt disallows ${url.href}`);
  const gap = hostGapFor(deps.config, url, decision.crawlDelayMs);
  let response: HttpResponse;
  try {
    response = await deps.politeness.withHostSlot(url.host, gap, () =>
      deps.http.fetch(url.href, { ...httpOptions(deps.config), ...options }),
    );
  } catch (thrown) {
    if (thrown instanceof AppError && CONNECTION_FAILURES.has(thrown.code)) {
      const pause = await deps.politeness.noteConnectionFailure(
        url.host,
        CONNECTION_FAILURE_THRESHOLD,
        CONNECTION_FAILURE_PAUSE_MS,
      );
      if (pause > 0) throw new AppError(thrown.code, `${thrown.message}; host paused for ${pause / 1000} s`);
    }
    throw thrown;
  }
  await deps.politeness.noteSuccess(url.host);
  const error = errorForStatus(response);
  if (error?.code === 'fetch_rate_limited') {
    // The whole host waits, not only this job: every process sees the pause through Redis.
    await deps.politeness.pauseHost(url.host, error.retryAfterMs ?? 30_000);
  }
  if (error) throw error;
  return response;
}

/** Failures that say the host (not the page) is in trouble. */
const CONNECTION_FAILURES = new Set(['fetch_network', 'fetch_timeout']);
const CONNECTION_FAILURE_THRESHOLD = 3;
const CONNECTION_FAILURE_PAUSE_MS = 5 * 60_000;

/**
 * politeFetch for a request made inside a job that already holds work in hand (the feed a homepage
 * points to, the child sitemaps of an index): waits for the host's slot, up to `maxWaitMs`, instead of
 * giving the job back.
 */
export async function politeFetchWaiting(
  deps: FetchDeps,
  rawUrl: string,
  options: Partial<HttpFetchOptions> = {},
  maxWaitMs = 60_000,
): Promise<HttpResponse> {
  const until = Date.now() + maxWaitMs;
  for (;;) {
    try {
      return await politeFetch(deps, rawUrl, options);
    } catch (thrown) {
      if (!(thrown instanceof AppError) || thrown.code !== 'fetch_host_busy') throw thrown;
      const wait = thrown.retryAfterMs ?? 1000;
      if (Date.now() + wait > until) throw thrown;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
