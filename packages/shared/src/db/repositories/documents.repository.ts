import type { Selectable } from 'kysely';
import type { DocumentStatus, PublishedReliability } from '../../domain/index.ts';
import type { Db } from '../connection.ts';
import type { Documents } from '../generated/schema.ts';

export type DocumentRow = Selectable<Documents> & {
  status: DocumentStatus;
  published_reliability: PublishedReliability;
};

export type ExtractedDocument = {
  pageId: string;
  sourceId: string | null;
  url: string;
  canonicalUrl: string | null;
  title: string | null;
  text: string;
  lang: string | null;
  publishedAt: Date | null;
  publishedReliability: PublishedReliability;
  extractor: string;
  contentHash: string;
  leadImageUrl?: string | null;
  /** MinHash signature of the text (64 slots, 8 hex digits each), for near-duplicate detection. */
  minhash?: string | null;
};

/**
 * One document per page. Re-extraction updates it; if the text changed, the document goes back to
 * `extracted` so that it is classified again.
 */
export async function upsertDocument(db: Db, d: ExtractedDocument): Promise<DocumentRow> {
  const row = await db
    .insertInto('documents')
    .values({
      page_id: d.pageId,
      source_id: d.sourceId,
      url: d.url,
      canonical_url: d.canonicalUrl,
      title: d.title,
      text: d.text,
      lang: d.lang,
      published_at: d.publishedAt,
      published_reliability: d.publishedReliability,
      extractor: d.extractor,
      content_hash: d.contentHash,
      lead_image_url: d.leadImageUrl ?? null,
      minhash: d.minhash ?? null,
    })
    .onConflict((oc) =>
      oc.column('page_id').doUpdateSet((eb) => ({
        canonical_url: eb.ref('excluded.canonical_url'),
        title: eb.ref('excluded.title'),
        text: eb.ref('excluded.text'),
        lang: eb.ref('excluded.lang'),
        published_at: eb.ref('excluded.published_at'),
        published_reliability: eb.ref('excluded.published_reliability'),
        extractor: eb.ref('excluded.extractor'),
        content_hash: eb.ref('excluded.content_hash'),
        lead_image_url: eb.ref('excluded.lead_image_url'),
        minhash: eb.ref('excluded.minhash'),
        status: eb
          .case()
          .when('documents.content_hash', '=', eb.ref('excluded.content_hash'))
          .then(eb.ref('documents.status'))
          .else('extracted')
          .end(),
        updated_at: new Date(),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return row as DocumentRow;
}

export async function getDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  return (await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()) as
    | DocumentRow
    | undefined;
}

export async function setDocumentStatus(db: Db, id: string, status: DocumentStatus): Promise<void> {
  await db.updateTable('documents').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function listStaleDocuments(
  db: Db,
  status: DocumentStatus,
  olderThan: Date,
  limit: number,
): Promise<DocumentRow[]> {
  return (await db
    .selectFrom('documents')
    .selectAll()
    .where('status', '=', status)
    .where('updated_at', '<', olderThan)
    .orderBy('updated_at')
    .limit(limit)
    .execute()) as DocumentRow[];
}
