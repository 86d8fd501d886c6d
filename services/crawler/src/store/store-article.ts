import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  type Db,
  type DocumentRow,
  getPage,
  getSnapshot,
  setPageStatus,
  upsertDocument,
} from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import { decodeHtml } from '../extract/decode-html.ts';
import { extractArticle } from '../extract/extract-article.ts';

export type StoreArticleResult = { document: DocumentRow; contentHash: string };

export function contentHashOf(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex');
}

/** Extracts the article from a stored snapshot and upserts the page's document. */
export async function storeArticle(db: Db, pageId: string, snapshotId: string): Promise<StoreArticleResult> {
  const [page, snapshot] = await Promise.all([getPage(db, pageId), getSnapshot(db, snapshotId)]);
  if (!page || !snapshot || snapshot.page_id !== pageId) {
    throw new AppError('not_found', `Snapshot ${snapshotId} of page ${pageId} does not exist`);
  }
  const { html } = decodeHtml(gunzipSync(snapshot.body_gzip), snapshot.content_type ?? undefined);
  let article: ReturnType<typeof extractArticle>;
  try {
    article = extractArticle(html, page.url);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'permanent') await setPageStatus(db, pageId, 'failed');
    throw error;
  }
  const contentHash = contentHashOf(article.text);
  const document = await db.transaction().execute(async (trx) => {
    const stored = await upsertDocument(trx, {
      pageId,
      sourceId: page.source_id,
      url: page.url,
      canonicalUrl: article.canonicalUrl,
      title: article.title ?? page.listed_title,
      text: article.text,
      lang: article.declaredLang,
      publishedAt: article.publishedAt ?? page.listed_published_at,
      publishedReliability: article.publishedAt
        ? article.publishedReliability
        : page.listed_published_at
          ? 'medium'
          : 'none',
      extractor: article.extractor,
      contentHash,
    });
    await setPageStatus(trx, pageId, 'extracted');
    return stored;
  });
  return { document, contentHash };
}
