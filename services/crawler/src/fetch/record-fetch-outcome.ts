import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type Db, type PageRow, recordFetch, saveSnapshot, setPageStatus } from '@claimwatch/shared/db';
import { type AppError, toAppError } from '@claimwatch/shared/errors';

export type SnapshotInput = {
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  body: Buffer;
  durationMs: number;
  reason: string | null;
};

/** Stores a fetched (or rendered) page's raw snapshot, its fetch row and the page status, in one transaction. */
export async function storeSnapshot(
  db: Db,
  page: PageRow,
  started: Date,
  input: SnapshotInput,
): Promise<string> {
  const sha256 = createHash('sha256').update(input.body).digest('hex');
  return db.transaction().execute(async (trx) => {
    const stored = await saveSnapshot(trx, {
      pageId: page.id,
      sha256,
      bodyGzip: gzipSync(input.body),
      contentType: input.contentType,
      headers: input.headers,
      fetchedAt: started,
    });
    await recordFetch(trx, {
      page_id: page.id,
      source_id: page.source_id,
      url: input.url,
      outcome: 'ok',
      http_status: input.status,
      reason: input.reason,
      content_type: input.contentType,
      bytes: input.body.length,
      sha256,
      started_at: started,
      duration_ms: input.durationMs,
    });
    await setPageStatus(trx, page.id, 'fetched');
    return stored.id;
  });
}

/**
 * Records a failed attempt with its kind, code and a readable reason; permanent failures end the page
 * (robots.txt: skipped, anything else: failed). Returns the AppError for the caller to rethrow, or
 * undefined when the page was skipped.
 */
export async function recordFetchFailure(
  db: Db,
  page: PageRow,
  started: Date,
  thrown: unknown,
): Promise<AppError | undefined> {
  const error = toAppError(thrown);
  // A busy host is routine scheduling, not an attempt: nothing to record.
  if (error.code === 'fetch_host_busy') return error;
  await recordFetch(db, {
    page_id: page.id,
    source_id: page.source_id,
    url: page.url,
    outcome: error.kind,
    error_code: error.code,
    reason: `${error.code}: ${error.message}`.slice(0, 1000),
    started_at: started,
    duration_ms: Date.now() - started.getTime(),
  });
  if (error.code === 'fetch_blocked_by_robots') {
    await setPageStatus(db, page.id, 'skipped');
    return undefined;
  }
  if (error.kind === 'permanent') await setPageStatus(db, page.id, 'failed');
  return error;
}
