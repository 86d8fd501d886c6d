import { gzipSync } from 'node:zlib';
import { type Db, getPage, recordFetch, saveSnapshot, setPageStatus } from '@claimwatch/shared/db';
import { AppError, toAppError } from '@claimwatch/shared/errors';
import { type FetchDeps, politeFetch } from './polite-fetch.ts';

export type FetchPageDeps = FetchDeps & { db: Db };

export type FetchPageResult =
  | { outcome: 'stored'; pageId: string; snapshotId: string }
  | { outcome: 'skipped'; pageId: string; reason: string };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Fetches one discovered page and stores its raw snapshot. Every attempt that reached the network is
 * recorded on a `fetches` row with its outcome and a readable reason; permanent failures mark the page
 * failed (or skipped, for robots.txt), other failures are rethrown for the worker to retry or delay.
 */
export async function fetchPage(deps: FetchPageDeps, pageId: string): Promise<FetchPageResult> {
  const page = await getPage(deps.db, pageId);
  if (!page) throw new AppError('not_found', `Page ${pageId} does not exist`);
  const started = new Date();
  try {
    const response = await politeFetch(deps, page.url);
    const contentType = response.headers['content-type'] ?? null;
    if (contentType && !HTML_TYPES.test(contentType)) {
      throw new AppError('fetch_unsupported_content', `Expected HTML, got ${contentType}`);
    }
    const snapshot = await deps.db.transaction().execute(async (trx) => {
      const stored = await saveSnapshot(trx, {
        pageId,
        sha256: response.sha256,
        bodyGzip: gzipSync(response.body),
        contentType,
        headers: response.headers,
        fetchedAt: started,
      });
      await recordFetch(trx, {
        page_id: pageId,
        source_id: page.source_id,
        url: response.url,
        outcome: 'ok',
        http_status: response.status,
        reason: response.redirects.length > 0 ? `redirected ${response.redirects.length}x` : null,
        content_type: contentType,
        bytes: response.body.length,
        sha256: response.sha256,
        started_at: started,
        duration_ms: response.durationMs,
      });
      await setPageStatus(trx, pageId, 'fetched');
      return stored;
    });
    return { outcome: 'stored', pageId, snapshotId: snapshot.id };
  } catch (thrown) {
    const error = toAppError(thrown);
    // A busy host is routine scheduling, not an attempt: nothing to record.
    if (error.code === 'fetch_host_busy') throw error;
    await recordFetch(deps.db, {
      page_id: pageId,
      source_id: page.source_id,
      url: page.url,
      outcome: error.kind,
      error_code: error.code,
      reason: `${error.code}: ${error.message}`.slice(0, 1000),
      started_at: started,
      duration_ms: Date.now() - started.getTime(),
    });
    if (error.code === 'fetch_blocked_by_robots') {
      await setPageStatus(deps.db, pageId, 'skipped');
      return { outcome: 'skipped', pageId, reason: error.message };
    }
    if (error.kind === 'permanent') await setPageStatus(deps.db, pageId, 'failed');
    throw error;
  }
}
