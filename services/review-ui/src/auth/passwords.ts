import { type Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane). `Algorithm` is an ambient const enum, which
 * isolatedModules cannot read, hence the literal: 2 is Argon2id.
 */
const ARGON2ID = 2 as Algorithm;
export const passwordHashOptions = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions);
}

/** False for a wrong password and for anything that is not an argon2 hash (never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with weaker parameters than today's; rehash it at the next login. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const o = parseOptions(passwordHash);
    return (
      o.algorithm !== passwordHashOptions.algorithm ||
      o.memoryCost < passwordHashOptions.memoryCost ||
      o.timeCost < passwordHashOptions.timeCost
    );
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no account to verify against, so that the response
 * time does not tell an attacker which e-mails have accounts.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('claimwatch-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}
