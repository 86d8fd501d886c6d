import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits; the cookie carries the token, the database only its hash. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The `sessions.id` of a token: a stolen database does not yield usable cookies. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
