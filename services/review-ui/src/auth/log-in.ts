import {
  type Db,
  deleteSession,
  findUserByEmail,
  getUser,
  recordAuditEvent,
  recordLoginFailure,
  recordLoginSuccess,
  setUserPasswordHash,
  type UserRow,
} from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import type { AuthSettings } from './auth-settings.ts';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from './passwords.ts';
import { type OpenedSession, openSession } from './sessions.ts';
import { acceptTotp, openTotpSecret } from './totp.ts';

export type LogInDeps = {
  db: Db;
  now: () => Date;
  settings: Pick<AuthSettings, 'lockAfterFailures' | 'lockForMs' | 'sessionLifetimeMs'>;
  /** Opens the stored TOTP secrets (see totp.ts). */
  totpKey: string;
};

export type LogInInput = {
  email: string;
  password: string;
  /** The session id (hash) the browser came with, if any: it is ended, never upgraded. */
  previousSessionId: string | undefined;
  /** The TOTP code, needed once the account has enrolled a second factor. */
  totpCode?: string | undefined;
};

/** The password was right but the account has a second factor and no code came with it. */
export class SecondFactorRequired extends Error {
  constructor() {
    super('Enter the code from your authenticator app');
    this.name = 'SecondFactorRequired';
  }
}

/**
 * One message for every refusal (unknown e-mail, wrong password, locked or disabled account), so the
 * answer does not tell an attacker which accounts exist or are locked.
 */
const REFUSED = 'The e-mail or password is wrong, or the account is temporarily locked.';

/**
 * Checks the credentials and opens a new session. A wrong password counts towards the lockout; the
 * lockout is checked before the password, so a locked account cannot be probed. Any session the browser
 * already had is ended, so a session id planted before login is worth nothing after it.
 */
export async function logIn(
  deps: LogInDeps,
  input: LogInInput,
): Promise<{ user: UserRow; session: OpenedSession }> {
  const { db, settings } = deps;
  const now = deps.now();
  const user = await findUserByEmail(db, input.email);
  if (!user || user.is_disabled || (user.locked_until && user.locked_until > now)) {
    await verifyAgainstNothing(input.password);
    throw new AppError('unauthenticated', REFUSED);
  }

  const passwordOk = await verifyPassword(user.password_hash, input.password);
  let totpStep: number | null = null;
  if (passwordOk && user.totp_enabled_at && user.totp_secret) {
    // Asking for the code reveals nothing an attacker without the password could learn.
    if (!input.totpCode) throw new SecondFactorRequired();
    totpStep = acceptTotp(
      openTotpSecret(user.totp_secret, deps.totpKey),
      input.totpCode,
      now,
      user.totp_last_step,
    );
  }
  const secondFactorOk = !user.totp_enabled_at || totpStep !== null;

  if (!passwordOk || !secondFactorOk) {
    await db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, user.id, settings.lockAfterFailures, settings.lockForMs, now);
      const after = await getUser(trx, user.id);
      // The account was not locked when we started (checked above), so a lock now is this failure's doing.
      if (after?.locked_until && after.locked_until > now) {
        await recordAuditEvent(trx, {
          actorUserId: null,
          action: 'user.locked',
          entityType: 'user',
          entityId: user.id,
          before: null,
          after: {
            failedLoginCount: after.failed_login_count,
            lockedUntil: after.locked_until.toISOString(),
          },
        });
      }
    });
    throw new AppError('unauthenticated', REFUSED);
  }

  const rehashed = needsRehash(user.password_hash) ? await hashPassword(input.password) : undefined;
  const session = await db.transaction().execute(async (trx) => {
    if (input.previousSessionId) await deleteSession(trx, input.previousSessionId);
    await recordLoginSuccess(trx, user.id);
    if (totpStep !== null)
      await trx.updateTable('users').set({ totp_last_step: totpStep }).where('id', '=', user.id).execute();
    if (rehashed) await setUserPasswordHash(trx, user.id, rehashed);
    const opened = await openSession(trx, user.id, now, settings);
    await recordAuditEvent(trx, {
      actorUserId: user.id,
      action: 'user.logged_in',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: null,
    });
    return opened;
  });
  return { user, session };
}

/** Ends the session and records it; nothing happens for a browser without one. */
export async function logOut(
  db: Db,
  signed: { sessionId: string; userId: string } | undefined,
): Promise<void> {
  if (!signed) return;
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, signed.sessionId);
    await recordAuditEvent(trx, {
      actorUserId: signed.userId,
      action: 'user.logged_out',
      entityType: 'user',
      entityId: signed.userId,
      before: null,
      after: null,
    });
  });
}
