import { toAppError } from '@claimwatch/shared/errors';
import { decodeHtml } from '../extract/decode-html.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { identifyLanguage } from '../extract/identify-language.ts';
import { extractWithReadability, READABILITY_BASELINE_ID } from '../extract/readability-baseline.ts';
import { createIsolatedPool, type IsolatedPool } from './isolated-pool.ts';

/** One input line of `claimwatch extract`. */
export type ExtractRecord = { id?: unknown; url?: unknown; html?: unknown; html_base64?: unknown };

/** `baseline`: Readability alone (for side-by-side evaluation and benchmarks), no language id. */
export type ExtractMode = 'ours' | 'baseline';

export type ExtractOutput = {
  id: unknown;
  title: string | null;
  text: string | null;
  lang: string | null;
  publishedAt: string | null;
  extractor: string | null;
  error: string | null;
};

/** Pages larger than this are refused: no article page is this big. */
export const MAX_PAGE_BYTES = 15 * 1024 * 1024;

const failed = (id: unknown, error: string): ExtractOutput => ({
  id,
  title: null,
  text: null,
  lang: null,
  publishedAt: null,
  extractor: null,
  error,
});

/** Extracts one record; never throws. */
export async function extractRecord(
  record: ExtractRecord,
  mode: ExtractMode = 'ours',
): Promise<ExtractOutput> {
  const id = record?.id ?? null;
  try {
    let html: string;
    if (typeof record.html === 'string') html = record.html;
    else if (typeof record.html_base64 === 'string') {
      html = decodeHtml(Buffer.from(record.html_base64, 'base64'), undefined).html;
    } else return failed(id, 'input_invalid: neither html nor html_base64');
    if (html.length > MAX_PAGE_BYTES) return failed(id, 'fetch_too_large: page exceeds 15 MB');
    const url =
      typeof record.url === 'string' && /^https?:\/\//i.test(record.url)
        ? record.url
        : 'https://example.invalid/';
    if (mode === 'baseline') {
      const { title, text } = extractWithReadability(html, url);
      return { ...failed(id, null as never), title, text, extractor: READABILITY_BASELINE_ID, error: null };
    }
    const article = extractArticle(html, url);
    const lang = (await identifyLanguage(article.text))?.lang ?? article.declaredLang;
    return {
      id,
      title: article.title,
      text: article.text,
      lang,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      extractor: article.extractor,
      error: null,
    };
  } catch (thrown) {
    const error = toAppError(thrown);
    return failed(id, `${error.code}: ${error.message}`.slice(0, 500));
  }
}

export type ExtractBatch = IsolatedPool<ExtractRecord, ExtractOutput>;

/** Extracts records in worker threads, each bounded by `timeoutMs` and a memory cap. */
export function createExtractBatch(
  options: { workers?: number; timeoutMs?: number; baseline?: boolean } = {},
): ExtractBatch {
  const mode: ExtractMode = options.baseline ? 'baseline' : 'ours';
  const pool = createIsolatedPool<{ record: ExtractRecord; mode: ExtractMode }, ExtractOutput>({
    entry: new URL('./extract-batch.worker.ts', import.meta.url),
    size: options.workers ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
    maxOldGenerationMb: 2048,
    onFailure: (reason) => failed(null, `extract_failed: ${reason}`),
  });
  return {
    run: async (record) => {
      const out = await pool.run({ record, mode });
      return out.id === null && out.error ? { ...out, id: record?.id ?? null } : out;
    },
    close: () => pool.close(),
  };
}
