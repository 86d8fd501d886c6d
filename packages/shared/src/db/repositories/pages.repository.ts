import type { Selectable } from 'kysely';
import type { PageStatus } from '../../domain/index.ts';
import type { Db } from '../connection.ts';
import type { Pages } from '../generated/schema.ts';

export type PageRow = Selectable<Pages> & { status: PageStatus };

export type DiscoveredPage = {
  url: string;
  /** Normalised URL; one page per key whatever the listing it came from. */
  urlKey: string;
  title?: string | null;
  publishedAt?: Date | null;
};

/** Records listed URLs; returns only the pages that were new (idempotent on url_key). */
export async function insertDiscoveredPages(
  db: Db,
  sourceId: string | null,
  pages: DiscoveredPage[],
): Promise<PageRow[]> {
  if (pages.length === 0) return [];
  const rows = await db
    .insertInto('pages')
    .values(
      pages.map((p) => ({
        source_id: sourceId,
        url: p.url,
        url_key: p.urlKey,
        listed_title: p.title ?? null,
        listed_published_at: p.publishedAt ?? null,
      })),
    )
    .onConflict((oc) => oc.column('url_key').doNothing())
    .returningAll()
    .execute();
  return rows as PageRow[];
}

export async function getPage(db: Db, id: string): Promise<PageRow | undefined> {
  return (await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst()) as
    | PageRow
    | undefined;
}

export async function setPageStatus(db: Db, id: string, status: PageStatus): Promise<void> {
  await db.updateTable('pages').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Pages left in a status for longer than `olderThan`: what the sweeper re-enqueues after a crash. */
export async function listStalePages(
  db: Db,
  status: PageStatus,
  olderThan: Date,
  limit: number,
): Promise<PageRow[]> {
  return (await db
    .selectFrom('pages')
    .selectAll()
    .where('status', '=', status)
    .where('updated_at', '<', olderThan)
    .orderBy('updated_at')
    .limit(limit)
    .execute()) as PageRow[];
}
