import { type Insertable, type Selectable, sql } from 'kysely';
import type { SourceKind } from '../../domain/index.ts';
import type { Db } from '../connection.ts';
import type { Sources } from '../generated/schema.ts';

export type SourceRow = Selectable<Sources> & { kind: SourceKind };
export type NewSource = Omit<Insertable<Sources>, 'kind'> & { kind: SourceKind };

/** Adds a source, or updates the one with the same URL (so `sources add` twice is harmless). */
export async function upsertSource(db: Db, source: NewSource): Promise<SourceRow> {
  const row = await db
    .insertInto('sources')
    .values(source)
    .onConflict((oc) =>
      oc.column('url').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        kind: eb.ref('excluded.kind'),
        language_hint: eb.ref('excluded.language_hint'),
        priority: eb.ref('excluded.priority'),
        poll_interval_seconds: eb.ref('excluded.poll_interval_seconds'),
        render: eb.ref('excluded.render'),
        selectors: eb.ref('excluded.selectors'),
        is_enabled: eb.ref('excluded.is_enabled'),
        updated_at: new Date(),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return row as SourceRow;
}

export async function getSource(db: Db, id: string): Promise<SourceRow | undefined> {
  return (await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst()) as
    | SourceRow
    | undefined;
}

export async function listSources(db: Db): Promise<SourceRow[]> {
  return (await db.selectFrom('sources').selectAll().orderBy('name').execute()) as SourceRow[];
}

/**
 * Claims the enabled sources whose poll is due: moves their next poll one interval on and returns them
 * with the poll time they were due at. Safe to run from several processes at once.
 */
export async function claimDueSources(db: Db, now: Date): Promise<(SourceRow & { due_at: Date })[]> {
  const due = await db
    .selectFrom('sources')
    .select(['id', 'next_poll_at'])
    .where('is_enabled', '=', true)
    .where('next_poll_at', '<=', now)
    .execute();
  const claimed: (SourceRow & { due_at: Date })[] = [];
  for (const { id, next_poll_at } of due) {
    const row = await db
      .updateTable('sources')
      .set((eb) => ({
        next_poll_at: sql<Date>`${now}::timestamptz + make_interval(secs => ${eb.ref('poll_interval_seconds')})`,
      }))
      .where('id', '=', id)
      .where('next_poll_at', '=', next_poll_at)
      .returningAll()
      .executeTakeFirst();
    if (row) claimed.push({ ...(row as SourceRow), due_at: next_poll_at });
  }
  return claimed;
}

/** Enabled sources whose next poll is due. */
export async function listDueSources(db: Db, now: Date): Promise<SourceRow[]> {
  return (await db
    .selectFrom('sources')
    .selectAll()
    .where('is_enabled', '=', true)
    .where('next_poll_at', '<=', now)
    .orderBy('priority', 'desc')
    .execute()) as SourceRow[];
}

export async function setSourceEnabled(db: Db, idOrUrl: string, isEnabled: boolean): Promise<number> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrUrl);
  const result = await db
    .updateTable('sources')
    .set({ is_enabled: isEnabled, updated_at: new Date() })
    .where(isUuid ? 'id' : 'url', '=', idOrUrl)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markSourcePolled(db: Db, id: string, polledAt: Date, nextPollAt: Date): Promise<void> {
  await db
    .updateTable('sources')
    .set({ last_polled_at: polledAt, next_poll_at: nextPollAt, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
