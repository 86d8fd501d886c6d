import { type Db, getPage, getSource } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import { type FetchDeps, politeFetch } from './polite-fetch.ts';
import { recordFetchFailure, storeSnapshot } from './record-fetch-outcome.ts';

export type FetchPageDeps = FetchDeps & { db: Db };

export type FetchPageResult =
  | { outcome: 'stored'; pageId: string; snapshotId: string }
  | { outcome: 'render'; pageId: string }
  | { outcome: 'skipped'; pageId: string; reason: string };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Fetches one discovered page and stores its raw snapshot. Pages of sources that opt into rendering go
 * to the render queue instead. Every attempt that reached the network is recorded on a `fetches` row
 * with its outcome, error code and a readable reason; permanent failures mark the page failed (or
 * skipped, for robots.txt), other failures are rethrown for the worker to retry or delay.
 */
export async function fetchPage(deps: FetchPageDeps, pageId: string): Promise<FetchPageResult> {
  const page = await getPage(deps.db, pageId);
  if (!page) throw new AppError('not_found', `Page ${pageId} does not exist`);
  const source = page.source_id ? await getSource(deps.db, page.source_id) : undefined;
  if (source?.render) return { outcome: 'render', pageId };
  const started = new Date();
  try {
    const response = await politeFetch(deps, page.url);
    const contentType = response.headers['content-type'] ?? null;
    if (contentType && !HTML_TYPES.test(contentType)) {
      throw new AppError('fetch_unsupported_content', `Expected HTML, got ${contentType}`);
    }
    const snapshotId = await storeSnapshot(deps.db, page, started, {
      url: response.url,
      status: response.status,
      headers: response.headers,
      contentType,
      body: response.body,
      durationMs: response.durationMs,
      reason: response.redirects.length > 0 ? `redirected ${response.redirects.length}x` : null,
    });
    return { outcome: 'stored', pageId, snapshotId };
  } catch (thrown) {
    const error = await recordFetchFailure(deps.db, page, started, thrown);
    if (!error) return { outcome: 'skipped', pageId, reason: 'robots.txt disallows it' };
    throw error;
  }
}
