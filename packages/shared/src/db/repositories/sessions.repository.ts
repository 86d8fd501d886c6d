import type { Selectable } from 'kysely';
import type { Db } from '../connection.ts';
import type { Sessions } from '../generated/schema.ts';

export type SessionRow = Selectable<Sessions>;

/** `id` is the SHA-256 of the session token: a stolen database does not yield usable cookies. */
export async function insertSession(db: Db, id: string, userId: string, expiresAt: Date): Promise<void> {
  await db.insertInto('sessions').values({ id, user_id: userId, expires_at: expiresAt }).execute();
}

export async function findLiveSession(db: Db, id: string, now: Date): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
