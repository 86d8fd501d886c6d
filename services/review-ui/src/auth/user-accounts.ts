import { type Db, findUserByEmail, insertUser } from '@claimwatch/shared/db';
import { roles as knownRoles, type Locale, type Role } from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules.ts';
import { hashPassword } from './passwords.ts';

export type NewUserAccount = {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  locale?: Locale;
};

/** What callers get back: never the password hash. */
export type UserAccount = { id: string; email: string; displayName: string; roles: Role[]; locale: Locale };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Creates an account with an argon2id password hash (the `users add` command and the demo seed). */
export async function createUserAccount(db: Db, account: NewUserAccount): Promise<UserAccount> {
  const email = account.email.trim();
  if (!EMAIL.test(email)) throw new AppError('validation_failed', `Not an e-mail address: ${email}`);
  if (account.displayName.trim() === '') throw new AppError('validation_failed', 'The display name is empty');
  if (account.password.length < PASSWORD_MIN_LENGTH || account.password.length > PASSWORD_MAX_LENGTH)
    throw new AppError(
      'validation_failed',
      `The password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
    );
  const roles = [...new Set(account.roles)];
  if (roles.length === 0 || roles.some((r) => !knownRoles.includes(r)))
    throw new AppError('validation_failed', `Roles must be one or more of ${knownRoles.join(', ')}`);
  if (await findUserByEmail(db, email)) throw new AppError('conflict', `An account for ${email} exists`);

  const user = await insertUser(db, {
    email,
    displayName: account.displayName.trim(),
    passwordHash: await hashPassword(account.password),
    roles,
    ...(account.locale ? { locale: account.locale } : {}),
  });
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    roles: user.roles,
    locale: user.locale,
  };
}
