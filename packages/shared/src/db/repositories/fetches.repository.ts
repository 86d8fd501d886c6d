import type { Insertable, Selectable } from 'kysely';
import type { FetchOutcome } from '../../domain/index.ts';
import type { Db } from '../connection.ts';
import type { Fetches } from '../generated/schema.ts';

export type FetchRow = Selectable<Fetches> & { outcome: FetchOutcome };
export type NewFetch = Omit<Insertable<Fetches>, 'outcome'> & { outcome: FetchOutcome };

export async function recordFetch(db: Db, fetch: NewFetch): Promise<FetchRow> {
  return (await db.insertInto('fetches').values(fetch).returningAll().executeTakeFirstOrThrow()) as FetchRow;
}

export async function listFetchesForPage(db: Db, pageId: string): Promise<FetchRow[]> {
  return (await db
    .selectFrom('fetches')
    .selectAll()
    .where('page_id', '=', pageId)
    .orderBy('started_at')
    .execute()) as FetchRow[];
}
