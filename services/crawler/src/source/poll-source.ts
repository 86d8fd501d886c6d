import {
  type Db,
  getSource,
  insertDiscoveredPages,
  type PageRow,
  recordFetch,
  recordSourceFailure,
  recordSourcePoll,
  type SourceRow,
} from '@claimwatch/shared/db';
import { AppError, toAppError } from '@claimwatch/shared/errors';
import type { HttpResponse } from '../fetch/http-fetch.ts';
import { type FetchDeps, politeFetch } from '../fetch/polite-fetch.ts';
import { failureBackoffSeconds, nextPollInterval } from './adaptive-interval.ts';
import { FEED_ACCEPT, type ListedItem, listSourceLinks } from './list-source-links.ts';
import { urlKey } from './url-key.ts';

export type PollDeps = FetchDeps & { db: Db };

export type PollResult = {
  sourceId: string;
  /** `not_modified`: 304, or the same body as last time; nothing was parsed. */
  outcome: 'listed' | 'not_modified' | 'disabled';
  listed: number;
  newPages: PageRow[];
};

/** Listings that are certainly not feeds, sitemaps or pages. */
const NOT_A_LISTING = /^(image|audio|video|font)\/|^application\/(pdf|zip|octet-stream|x-msdownload)/i;

/**
 * Polls one source: a conditional GET of its listing (ETag / Last-Modified, then a body hash), the
 * article links it lists, new pages recorded, and the next poll moved by the adaptive interval. Every
 * request is recorded on a `fetches` row; a failure is counted on the source and re-thrown for the
 * worker to retry or give up by its kind.
 */
export async function pollSource(deps: PollDeps, sourceId: string, now = new Date()): Promise<PollResult> {
  const source = await getSource(deps.db, sourceId);
  if (!source) throw new AppError('not_found', `Source ${sourceId} does not exist`);
  if (!source.is_enabled) return { sourceId, outcome: 'disabled', listed: 0, newPages: [] };
  const current = source.adaptive_interval_seconds ?? source.poll_interval_seconds;

  if (source.kind === 'url') {
    // A single URL submitted by staff is its own listing: nothing to fetch here, the page is the work.
    const newPages = await recordItems(deps.db, source, [
      { url: source.url, title: null, publishedAt: null },
    ]);
    await schedule(deps, source, now, deps.config.pollMaxSeconds, {});
    return { sourceId, outcome: 'listed', listed: 1, newPages };
  }

  const started = new Date();
  let response: HttpResponse;
  try {
    response = await politeFetch(deps, source.url, {
      accept: source.kind === 'listing' || source.kind === 'homepage' ? undefined : FEED_ACCEPT,
      etag: source.etag,
      lastModified: source.last_modified,
    });
    const contentType = response.headers['content-type'] ?? '';
    if (NOT_A_LISTING.test(contentType)) {
      throw new AppError('fetch_unsupported_content', `Expected a listing, got ${contentType}`);
    }
  } catch (thrown) {
    await recordFailure(deps, source, thrown, started, now, current);
    throw thrown;
  }

  const base = {
    page_id: null,
    source_id: source.id,
    url: response.url,
    http_status: response.status,
    content_type: response.headers['content-type'] ?? null,
    started_at: started,
    duration_ms: response.durationMs,
  };
  const validators = {
    etag: response.headers.etag ?? null,
    lastModified: response.headers['last-modified'] ?? null,
  };
  if (response.status === 304 || response.sha256 === source.last_body_sha256) {
    const reason = response.status === 304 ? 'HTTP 304' : 'same body as the last poll';
    await recordFetch(deps.db, {
      ...base,
      outcome: 'not_modified',
      reason,
      bytes: response.body.length,
      sha256: response.sha256,
    });
    const interval = nextPollInterval({
      currentSeconds: current,
      baseSeconds: source.poll_interval_seconds,
      newItems: 0,
      minSeconds: deps.config.pollMinSeconds,
      maxSeconds: deps.config.pollMaxSeconds,
    });
    await schedule(deps, source, now, interval, response.status === 304 ? {} : validators);
    return { sourceId, outcome: 'not_modified', listed: 0, newPages: [] };
  }

  let items: ListedItem[];
  try {
    items = await listSourceLinks(deps, source, response, now);
  } catch (thrown) {
    await recordFailure(deps, source, thrown, started, now, current, response);
    throw thrown;
  }
  await recordFetch(deps.db, {
    ...base,
    outcome: 'ok',
    reason: `listed ${items.length}`,
    bytes: response.body.length,
    sha256: response.sha256,
  });
  const newPages = await recordItems(deps.db, source, items);
  const interval = nextPollInterval({
    currentSeconds: current,
    baseSeconds: source.poll_interval_seconds,
    newItems: newPages.length,
    minSeconds: deps.config.pollMinSeconds,
    maxSeconds: deps.config.pollMaxSeconds,
  });
  await schedule(deps, source, now, interval, { ...validators, bodySha256: response.sha256 });
  return { sourceId, outcome: 'listed', listed: items.length, newPages };
}

async function recordItems(db: Db, source: SourceRow, items: ListedItem[]): Promise<PageRow[]> {
  const pages = items.flatMap((item) => {
    try {
      return [{ url: item.url, urlKey: urlKey(item.url), title: item.title, publishedAt: item.publishedAt }];
    } catch {
      return [];
    }
  });
  return insertDiscoveredPages(db, source.id, pages);
}

async function schedule(
  deps: PollDeps,
  source: SourceRow,
  now: Date,
  intervalSeconds: number,
  validators: { etag?: string | null; lastModified?: string | null; bodySha256?: string | null },
): Promise<void> {
  await recordSourcePoll(deps.db, source.id, {
    polledAt: now,
    nextPollAt: new Date(now.getTime() + intervalSeconds * 1000),
    intervalSeconds,
    ...validators,
  });
}

async function recordFailure(
  deps: PollDeps,
  source: SourceRow,
  thrown: unknown,
  started: Date,
  now: Date,
  currentInterval: number,
  response?: HttpResponse,
): Promise<void> {
  const error = toAppError(thrown);
  if (error.code === 'fetch_host_busy') return; // scheduling, not an attempt
  const reason = `${error.code}: ${error.message}`.slice(0, 1000);
  await recordFetch(deps.db, {
    page_id: null,
    source_id: source.id,
    url: response?.url ?? source.url,
    outcome: error.kind,
    error_code: error.code,
    http_status: response?.status ?? null,
    reason,
    started_at: started,
    duration_ms: Date.now() - started.getTime(),
  });
  const backoff = failureBackoffSeconds(
    currentInterval,
    source.consecutive_failures + 1,
    deps.config.pollMaxSeconds,
  );
  const retryAfter = error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : 0;
  await recordSourceFailure(
    deps.db,
    source.id,
    reason,
    new Date(now.getTime() + Math.max(backoff, retryAfter) * 1000),
  );
}
