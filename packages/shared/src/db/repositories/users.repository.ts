import type { Selectable } from 'kysely';
import type { Locale, Role } from '../../domain/index.ts';
import type { Db } from '../connection.ts';
import type { Users } from '../generated/schema.ts';

export type UserRow = Selectable<Users> & { roles: Role[]; locale: Locale };

export type NewUser = {
  email: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  locale?: Locale;
};

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  return (await db
    .insertInto('users')
    .values({
      email: user.email.trim(),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      roles: user.roles,
      locale: user.locale ?? 'vi',
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as UserRow;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return (await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst()) as UserRow | undefined;
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  return (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) as
    | UserRow
    | undefined;
}

export async function setUserPasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function recordLoginFailure(
  db: Db,
  id: string,
  lockAfter: number,
  lockForMs: number,
  /** The caller's clock (the review UI's injected one), so lock times agree with its checks. */
  now: Date = new Date(),
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      failed_login_count: eb('failed_login_count', '+', 1),
      locked_until: eb
        .case()
        .when('failed_login_count', '>=', lockAfter - 1)
        .then(new Date(now.getTime() + lockForMs))
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', id)
    .execute();
}

export async function recordLoginSuccess(db: Db, id: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}
