import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('makes argon2id hashes with at least OWASP minimum cost', async () => {
    const stored = await hashPassword('một mật khẩu dài');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain('một mật khẩu dài');
  });

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = [await hashPassword('same password'), await hashPassword('same password')];
    expect(a).not.toBe(b);
    expect(await verifyPassword(b, 'same password')).toBe(true);
  });

  it('treats something that is not an argon2 hash as a wrong password instead of throwing', async () => {
    expect(await verifyPassword('not-a-real-hash', 'anything')).toBe(false);
    expect(await verifyPassword('', 'anything')).toBe(false);
  });

  it('asks for a rehash of hashes made with weaker parameters', async () => {
    expect(needsRehash(await hashPassword('x'.repeat(12)))).toBe(false);
    expect(needsRehash(await hash('x'.repeat(12), { memoryCost: 4096, timeCost: 3, parallelism: 1 }))).toBe(
      true,
    );
    expect(needsRehash('garbage')).toBe(true);
  });
});
