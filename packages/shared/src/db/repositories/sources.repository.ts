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
        // A claimed poll is not due again before its interval; pollSource then sets the real next time.
        next_poll_at: sql<Date>`${now}::timestamptz + make_interval(secs => coalesce(${eb.ref('adaptive_interval_seconds')}, ${eb.ref('poll_interval_seconds')}))`,
      }))
      .where('id', '=', id)
      .where('next_poll_at', '=', next_poll_at)
      .returningAll()
      .executeTakeFirst();
    if (row) claimed.push({ ...(row as SourceRow), due_at: next_poll_at });
  }
  return claimed;
}

/**
 * Gives back claims whose poll jobs could not be enqueued (Redis down or refusing writes): each source is
 * due again at its old time, unless something has changed its schedule since.
 */
export async function releaseSourceClaims(
  db: Db,
  claims: { id: string; dueAt: Date; claimedNextPollAt: Date }[],
): Promise<void> {
  for (const claim of claims)
    await db
      .updateTable('sources')
      .set({ next_poll_at: claim.dueAt })
      .where('id', '=', claim.id)
      .where('next_poll_at', '=', claim.claimedNextPollAt)
      .execute();
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

export type SourcePollState = {
  polledAt: Date;
  nextPollAt: Date;
  intervalSeconds: number;
  /** Validators and body hash of the listing, for the next conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  bodySha256?: string | null;
};

/** After a successful poll (changed or not): validators, adaptive interval, failures reset. */
export async function recordSourcePoll(db: Db, id: string, state: SourcePollState): Promise<void> {
  await db
    .updateTable('sources')
    .set({
      last_polled_at: state.polledAt,
      next_poll_at: state.nextPollAt,
      adaptive_interval_seconds: state.intervalSeconds,
      ...(state.etag !== undefined ? { etag: state.etag } : {}),
      ...(state.lastModified !== undefined ? { last_modified: state.lastModified } : {}),
      ...(state.bodySha256 !== undefined ? { last_body_sha256: state.bodySha256 } : {}),
      consecutive_failures: 0,
      last_error: null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** After a failed poll: counts it, keeps the reason readable, and schedules the next try. */
export async function recordSourceFailure(
  db: Db,
  id: string,
  reason: string,
  nextPollAt: Date,
): Promise<void> {
  await db
    .updateTable('sources')
    .set((eb) => ({
      consecutive_failures: eb('consecutive_failures', '+', 1),
      last_error: reason.slice(0, 1000),
      next_poll_at: nextPollAt,
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .execute();
}

export type SourceSettings = Partial<{
  name: string;
  language_hint: string | null;
  priority: number;
  poll_interval_seconds: number;
  render: boolean;
  selectors: string;
  is_enabled: boolean;
}>;

/** Changes a source's settings (CLI, later the UI); a new interval also resets the adaptive one. */
export async function updateSourceSettings(
  db: Db,
  idOrUrl: string,
  settings: SourceSettings,
): Promise<SourceRow | undefined> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrUrl);
  const row = await db
    .updateTable('sources')
    .set({
      ...settings,
      ...(settings.poll_interval_seconds !== undefined ? { adaptive_interval_seconds: null } : {}),
      updated_at: new Date(),
    })
    .where(isUuid ? 'id' : 'url', '=', idOrUrl)
    .returningAll()
    .executeTakeFirst();
  return row as SourceRow | undefined;
}
