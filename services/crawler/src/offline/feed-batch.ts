import { toAppError } from '@claimwatch/shared/errors';
import { decodeHtml } from '../extract/decode-html.ts';
import { type FeedItem, parseFeed } from '../source/feed/parse-feed.ts';
import { createIsolatedPool, type IsolatedPool } from './isolated-pool.ts';

/** One input line of `claimwatch feed`: the fixtures' format (`content`, or raw bytes as base64). */
export type FeedRecord = {
  id?: unknown;
  content?: unknown;
  content_base64?: unknown;
  /** Optional simulated HTTP headers (`Content-Type: …`), as some fixtures carry. */
  content_type?: unknown;
  http_headers?: unknown;
};

export type FeedOutput = {
  id: unknown;
  title: string | null;
  items: FeedItem[];
  error: string | null;
};

/** Inputs larger than this are refused, not parsed: no real feed is this big. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

const failed = (id: unknown, error: string): FeedOutput => ({ id, title: null, items: [], error });

function headerOf(record: FeedRecord, name: string): string | undefined {
  if (!Array.isArray(record.http_headers)) return undefined;
  const prefix = `${name.toLowerCase()}:`;
  const header = record.http_headers.find(
    (h): h is string => typeof h === 'string' && h.toLowerCase().startsWith(prefix),
  );
  return header?.slice(prefix.length).trim();
}

function contentTypeOf(record: FeedRecord): string | undefined {
  return typeof record.content_type === 'string' ? record.content_type : headerOf(record, 'content-type');
}

/** Parses one record; never throws (an unusable record gives an output line with `error`). */
export function parseFeedRecord(record: FeedRecord): FeedOutput {
  const id = record?.id ?? null;
  try {
    let content: string;
    if (typeof record.content === 'string') {
      if (record.content.length > MAX_FEED_BYTES) return failed(id, 'feed_too_large: content exceeds 20 MB');
      // UTF-16/32 bytes that reached us as a string (NULs between the characters): decode them as bytes.
      content = record.content.includes('\u0000')
        ? decodeHtml(Buffer.from(record.content, 'utf8'), contentTypeOf(record)).html
        : record.content;
    } else if (typeof record.content_base64 === 'string') {
      const bytes = Buffer.from(record.content_base64, 'base64');
      if (bytes.length > MAX_FEED_BYTES) return failed(id, 'feed_too_large: content exceeds 20 MB');
      content = decodeHtml(bytes, contentTypeOf(record)).html;
    } else {
      return failed(id, 'input_invalid: neither content nor content_base64');
    }
    const feed = parseFeed(content, headerOf(record, 'content-location'));
    return { id, title: feed.title, items: feed.items, error: null };
  } catch (thrown) {
    const error = toAppError(thrown);
    return failed(id, `${error.code}: ${error.message}`.slice(0, 500));
  }
}

export type FeedBatchParser = IsolatedPool<FeedRecord, FeedOutput>;

/** Parses records in worker threads, each bounded by `timeoutMs` and a memory cap. */
export function createFeedBatchParser(
  options: { workers?: number; timeoutMs?: number } = {},
): FeedBatchParser {
  const pool = createIsolatedPool<{ record: FeedRecord }, FeedOutput>({
    entry: new URL('./feed-batch.worker.ts', import.meta.url),
    size: options.workers ?? 2,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxOldGenerationMb: 1024,
    onFailure: (reason) => failed(null, `feed_unparseable: ${reason}`),
  });
  return {
    run: async (record) => {
      const out = await pool.run({ record });
      return out.id === null && out.error ? { ...out, id: record?.id ?? null } : out;
    },
    close: () => pool.close(),
  };
}
