import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { AppError } from '@claimwatch/shared/errors';
import { Agent, request, errors as undiciErrors } from 'undici';
import { assertFetchableUrl, createGuardedLookup, type SsrfPolicy } from './ssrf-guard.ts';

export type HttpFetchOptions = {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  /** Conditional GET validators from the previous fetch. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
};

export type HttpResponse = {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Decompressed body bytes (empty for 304). */
  body: Buffer;
  sha256: string;
  redirects: string[];
  durationMs: number;
};

export type HttpClient = {
  fetch(url: string, options: HttpFetchOptions): Promise<HttpResponse>;
  close(): Promise<void>;
};

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export function createHttpClient(policy: SsrfPolicy): HttpClient {
  const agent = new Agent({
    connect: { lookup: createGuardedLookup(policy) as never, timeout: 10_000 },
    keepAliveTimeout: 10_000,
    maxRedirections: 0,
  } as Agent.Options);

  async function fetchOnce(url: URL, options: HttpFetchOptions, signal: AbortSignal) {
    assertFetchableUrl(policy, url);
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: options.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'vi,en;q=0.8,*;q=0.5',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    return request(url, {
      method: 'GET',
      headers,
      dispatcher: agent,
      signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  return {
    async fetch(rawUrl, options) {
      const started = Date.now();
      const signal = AbortSignal.timeout(options.timeoutMs);
      const redirects: string[] = [];
      let url = parseUrl(rawUrl);
      try {
        for (;;) {
          const response = await fetchOnce(url, options, signal);
          const headers = flattenHeaders(response.headers);
          if (response.statusCode >= 300 && response.statusCode < 400 && headers.location) {
            response.body.resume();
            if (redirects.length >= options.maxRedirects) {
              throw new AppError(
                'fetch_too_many_redirects',
                `More than ${options.maxRedirects} redirects from ${rawUrl}`,
              );
            }
            const next = parseUrl(new URL(headers.location, url).href);
            if (redirects.includes(next.href) || next.href === rawUrl) {
              throw new AppError('fetch_too_many_redirects', `Redirect loop at ${next.href}`);
            }
            redirects.push(next.href);
            url = next;
            continue;
          }
          let body: Buffer = Buffer.alloc(0);
          if (response.statusCode === 304 || response.statusCode === 204) response.body.resume();
          else
            body = await readBody(response.body, headers['content-encoding'], options.maxBodyBytes, headers);
          return {
            url: url.href,
            status: response.statusCode,
            headers,
            body,
            sha256: createHash('sha256').update(body).digest('hex'),
            redirects,
            durationMs: Date.now() - started,
          };
        }
      } catch (error) {
        throw classifyNetworkError(error, url.href, options.timeoutMs);
      }
    },
    close: () => agent.close(),
  };
}

/** Maps a non-2xx status to the failure kind that decides retries. */
export function errorForStatus(response: HttpResponse): AppError | undefined {
  const { status } = response;
  if (status >= 200 && status < 300) return undefined;
  if (status === 304) return undefined;
  if (status === 429 || status === 503) {
    return new AppError('fetch_rate_limited', `HTTP ${status} from ${response.url}`, {
      retryAfterMs: parseRetryAfter(response.headers['retry-after']) ?? 30_000,
    });
  }
  if (RETRYABLE_STATUSES.has(status))
    return new AppError('fetch_http_server_error', `HTTP ${status} from ${response.url}`);
  return new AppError('fetch_http_client_error', `HTTP ${status} from ${response.url}`);
}

/** Retry-After as seconds or an HTTP date, in ms from now; capped at a day. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 1000), 24 * 3600 * 1000);
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new AppError('input_invalid', `Not a URL: ${raw.slice(0, 200)}`);
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Reads the body, decompressing it, and stops at `max` bytes on either side (compression bombs). */
async function readBody(
  body: Readable,
  encoding: string | undefined,
  max: number,
  headers: Record<string, string>,
): Promise<Buffer> {
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    body.destroy();
    throw new AppError('fetch_too_large', `Declared body of ${declared} bytes exceeds ${max}`);
  }
  let compressedBytes = 0;
  body.on('data', (chunk: Buffer) => {
    compressedBytes += chunk.length;
    if (compressedBytes > max) body.destroy(new AppError('fetch_too_large', `Body exceeds ${max} bytes`));
  });
  const decoder = decompressorFor(encoding);
  const stream: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.on('error', (e) => decoder.destroy(e));
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > max) {
      stream.destroy();
      body.destroy();
      throw new AppError('fetch_too_large', `Decompressed body exceeds ${max} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function decompressorFor(encoding: string | undefined) {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return createInflate();
    case '':
    case 'identity':
      return undefined;
    default:
      throw new AppError('fetch_unsupported_content', `Unsupported content-encoding ${encoding}`);
  }
}

function classifyNetworkError(error: unknown, url: string, timeoutMs: number): AppError {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof AppError) return cause;
  if (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  ) {
    return new AppError('fetch_timeout', `No complete answer from ${url} within ${timeoutMs} ms`, {
      cause: error,
    });
  }
  if (error instanceof Error && /zlib|incorrect header|unexpected end/i.test(error.message)) {
    return new AppError('fetch_unsupported_content', `Corrupt compressed body from ${url}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('fetch_network', `Network error for ${url}: ${message}`, { cause: error });
}
