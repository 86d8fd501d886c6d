import {
  type Db,
  deleteSession,
  findLiveSession,
  getUser,
  insertSession,
  touchSession,
  type UserRow,
} from '@claimwatch/shared/db';
import type { AuthSettings } from './auth-settings.ts';
import { newSessionToken, sessionIdOf } from './session-tokens.ts';

export type OpenedSession = { token: string; id: string; expiresAt: Date };

/** The signed-in user behind a request. */
export type SignedIn = { user: UserRow; sessionId: string };

/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export async function openSession(
  db: Db,
  userId: string,
  now: Date,
  settings: Pick<AuthSettings, 'sessionLifetimeMs'>,
): Promise<OpenedSession> {
  const token = newSessionToken();
  const id = sessionIdOf(token);
  const expiresAt = new Date(now.getTime() + settings.sessionLifetimeMs);
  await insertSession(db, id, userId, expiresAt);
  return { token, id, expiresAt };
}

/**
 * The user of a session token, or undefined when the session is unknown, expired, idle for too long, or
 * its user is disabled. Idle and disabled sessions are deleted on sight.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  settings: Pick<AuthSettings, 'sessionIdleMs'>,
): Promise<SignedIn | undefined> {
  const id = sessionIdOf(token);
  const session = await findLiveSession(db, id, now);
  if (!session) return undefined;
  const idleFor = now.getTime() - session.last_seen_at.getTime();
  const user = idleFor > settings.sessionIdleMs ? undefined : await getUser(db, session.user_id);
  if (!user || user.is_disabled) {
    await deleteSession(db, id);
    return undefined;
  }
  if (idleFor > TOUCH_EVERY_MS) await touchSession(db, id, now);
  return { user, sessionId: id };
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await deleteSession(db, sessionIdOf(token));
}
