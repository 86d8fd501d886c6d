import { type Db, recordAuditEvent } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import type { Note } from './triage.schemas.ts';

/** Notes on a flag: plain text, shown as text, oldest first. Adding one is audited. */

export async function listNotes(db: Db, flagId: string): Promise<Note[]> {
  const rows = await db
    .selectFrom('flag_notes')
    .leftJoin('users', 'users.id', 'flag_notes.author_id')
    .select([
      'flag_notes.id',
      'flag_notes.body',
      'flag_notes.created_at',
      'flag_notes.author_id',
      'users.display_name',
    ])
    .where('flag_notes.flag_id', '=', flagId)
    .orderBy('flag_notes.created_at')
    .orderBy('flag_notes.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    author: r.author_id ? { id: r.author_id, name: r.display_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function addNote(
  db: Db,
  author: { id: string; name: string },
  flagId: string,
  body: string,
  now: Date,
): Promise<Note> {
  return db.transaction().execute(async (trx) => {
    const flag = await trx.selectFrom('flags').select('id').where('id', '=', flagId).executeTakeFirst();
    if (!flag) throw new AppError('not_found', `Flag ${flagId} does not exist`);
    const row = await trx
      .insertInto('flag_notes')
      .values({ flag_id: flagId, author_id: author.id, body, created_at: now })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAuditEvent(trx, {
      actorUserId: author.id,
      action: 'flag.note',
      entityType: 'flag',
      entityId: flagId,
      before: null,
      after: { noteId: row.id, body },
    });
    return { id: row.id, body, author, createdAt: row.created_at.toISOString() };
  });
}
