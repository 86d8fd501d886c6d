import { findUserByEmail } from '@claimwatch/shared/db';
import { createTestDatabase, type TestDatabase } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from './passwords.ts';
import { createUserAccount } from './user-accounts.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const valid = { displayName: 'Trần Thị B', password: 'a long enough password', roles: ['writer' as const] };

describe('createUserAccount (users add, demo seed)', () => {
  it('stores an argon2id hash that verifies, and returns the account without it', async () => {
    const account = await createUserAccount(database.db, { ...valid, email: ' writer@claimwatch.test ' });

    expect(account).toEqual({
      id: expect.any(String),
      email: 'writer@claimwatch.test',
      displayName: 'Trần Thị B',
      roles: ['writer'],
      locale: 'vi',
    });
    const row = await findUserByEmail(database.db, 'writer@claimwatch.test');
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.password_hash, valid.password)).toBe(true);
  });

  it('refuses a second account for the same e-mail in another case', async () => {
    await createUserAccount(database.db, { ...valid, email: 'twice@claimwatch.test' });
    await expect(
      createUserAccount(database.db, { ...valid, email: 'TWICE@claimwatch.test' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it.each([
    ['a short password', { password: 'short' }],
    ['no roles', { roles: [] }],
    ['an unknown role', { roles: ['editor'] }],
    ['a malformed e-mail', { email: 'not-an-email' }],
    ['an empty name', { displayName: '  ' }],
  ])('refuses %s with validation_failed', async (_, override) => {
    await expect(
      createUserAccount(database.db, { ...valid, email: 'bad@claimwatch.test', ...override } as never),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await findUserByEmail(database.db, 'bad@claimwatch.test')).toBeUndefined();
  });
});
