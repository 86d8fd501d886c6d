import type { Selectable } from 'kysely';
import type { Db } from '../connection.ts';
import type { Snapshots } from '../generated/schema.ts';

export type SnapshotRow = Selectable<Snapshots>;

export type NewSnapshot = {
  pageId: string;
  sha256: string;
  bodyGzip: Uint8Array;
  contentType: string | null;
  headers: Record<string, string>;
  fetchedAt: Date;
};

/** Stores a snapshot once per (page, content hash); returns the stored row either way. */
export async function saveSnapshot(db: Db, s: NewSnapshot): Promise<SnapshotRow> {
  const inserted = await db
    .insertInto('snapshots')
    .values({
      page_id: s.pageId,
      sha256: s.sha256,
      body_gzip: s.bodyGzip,
      content_type: s.contentType,
      headers: JSON.stringify(s.headers),
      fetched_at: s.fetchedAt,
    })
    .onConflict((oc) => oc.columns(['page_id', 'sha256']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return inserted;
  return db
    .selectFrom('snapshots')
    .selectAll()
    .where('page_id', '=', s.pageId)
    .where('sha256', '=', s.sha256)
    .executeTakeFirstOrThrow();
}

export async function getSnapshot(db: Db, id: string): Promise<SnapshotRow | undefined> {
  return db.selectFrom('snapshots').selectAll().where('id', '=', id).executeTakeFirst();
}
