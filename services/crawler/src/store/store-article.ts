import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  type Db,
  type DocumentRow,
  getPage,
  getSnapshot,
  setDocumentStatus,
  setPageStatus,
  upsertDocument,
} from '@claimwatch/shared/db';
import type { AppearanceMatch } from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';
import { decodeHtml } from '../extract/decode-html.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { identifyLanguage } from '../extract/identify-language.ts';
import { clusterDocument } from './cluster-document.ts';
import { minhashSignature } from './minhash.ts';

export type StoreArticleResult = { document: DocumentRow; contentHash: string; match: AppearanceMatch };

export function contentHashOf(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex');
}

/**
 * Extracts the article from a stored snapshot, upserts the page's document and files it into a story
 * cluster; an exact or near copy of a stored story is kept as `duplicate` (not classified again).
 */
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
  const guess = await identifyLanguage(article.text);
  const contentHash = contentHashOf(article.text);
  const minhash = minhashSignature(article.text);
  return db.transaction().execute(async (trx) => {
    let document = await upsertDocument(trx, {
      pageId,
      sourceId: page.source_id,
      url: page.url,
      canonicalUrl: article.canonicalUrl,
      title: article.title ?? page.listed_title,
      text: article.text,
      lang: guess?.lang ?? article.declaredLang,
      publishedAt: article.publishedAt ?? page.listed_published_at,
      publishedReliability: article.publishedAt
        ? article.publishedReliability
        : page.listed_published_at
          ? 'medium'
          : 'none',
      extractor: article.extractor,
      contentHash,
      leadImageUrl: article.leadImageUrl,
      minhash,
    });
    const appearance = await clusterDocument(trx, {
      documentId: document.id,
      sourceId: page.source_id,
      url: page.url,
      contentHash,
      minhash,
    });
    if (appearance.match !== 'first' && document.status !== 'duplicate') {
      await setDocumentStatus(trx, document.id, 'duplicate');
      document = { ...document, status: 'duplicate' };
    }
    await setPageStatus(trx, pageId, 'extracted');
    return { document, contentHash, match: appearance.match };
  });
}
