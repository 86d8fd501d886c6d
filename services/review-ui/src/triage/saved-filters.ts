import { type Db, type JsonValue, recordAuditEvent } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import { type NewSavedFilter, type SavedFilter, TriageFilter } from './triage.schemas.ts';

/** Each person's named filters. Only the owner sees, renames or deletes them; changes are audited. */

type Row = { id: string; name: string; query: unknown; created_at: Date };

function present(row: Row): SavedFilter {
  // A filter saved by an older version may no longer parse: keep what still does.
  const parsed = TriageFilter.safeParse(row.query);
  return {
    id: row.id,
    name: row.name,
    filter: parsed.success ? parsed.data : {},
    createdAt: row.created_at.toISOString(),
  };
}

export async function listSavedFilters(db: Db, userId: string): Promise<SavedFilter[]> {
  const rows = await db
    .selectFrom('saved_filters')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('name')
    .execute();
  return rows.map(present);
}

async function nameTaken(db: Db, userId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('saved_filters').select('id').where('user_id', '=', userId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function createSavedFilter(db: Db, userId: string, input: NewSavedFilter): Promise<SavedFilter> {
  return db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, userId, input.name))
      throw new AppError('conflict', `You already have a filter named ${input.name}`);
    const row = await trx
      .insertInto('saved_filters')
      .values({ user_id: userId, name: input.name, query: JSON.stringify(input.filter) })
      .returning(['id', 'name', 'query', 'created_at'])
      .executeTakeFirstOrThrow();
    const saved = present(row);
    await recordAuditEvent(trx, {
      actorUserId: userId,
      action: 'saved_filter.create',
      entityType: 'saved_filter',
      entityId: saved.id,
      before: null,
      after: { name: saved.name, filter: saved.filter } as JsonValue,
    });
    return saved;
  });
}

async function ownRow(db: Db, userId: string, id: string): Promise<Row> {
  const row = await db
    .selectFrom('saved_filters')
    .select(['id', 'name', 'query', 'created_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  // Someone else's filter is as invisible as a missing one.
  if (!row) throw new AppError('not_found', `Saved filter ${id} does not exist`);
  return row;
}

export async function updateSavedFilter(
  db: Db,
  userId: string,
  id: string,
  input: NewSavedFilter,
): Promise<SavedFilter> {
  return db.transaction().execute(async (trx) => {
    const before = present(await ownRow(trx, userId, id));
    if (await nameTaken(trx, userId, input.name, id))
      throw new AppError('conflict', `You already have a filter named ${input.name}`);
    const row = await trx
      .updateTable('saved_filters')
      .set({ name: input.name, query: JSON.stringify(input.filter) })
      .where('id', '=', id)
      .returning(['id', 'name', 'query', 'created_at'])
      .executeTakeFirstOrThrow();
    const after = present(row);
    await recordAuditEvent(trx, {
      actorUserId: userId,
      action: 'saved_filter.update',
      entityType: 'saved_filter',
      entityId: id,
      before: { name: before.name, filter: before.filter } as JsonValue,
      after: { name: after.name, filter: after.filter } as JsonValue,
    });
    return after;
  });
}

export async function deleteSavedFilter(db: Db, userId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = present(await ownRow(trx, userId, id));
    await trx.deleteFrom('saved_filters').where('id', '=', id).execute();
    await recordAuditEvent(trx, {
      actorUserId: userId,
      action: 'saved_filter.delete',
      entityType: 'saved_filter',
      entityId: id,
      before: { name: before.name, filter: before.filter } as JsonValue,
      after: null,
    });
  });
}
