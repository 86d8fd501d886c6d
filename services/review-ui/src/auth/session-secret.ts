import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The secret that signs cookies: SESSION_SECRET when set, otherwise generated once into
 * `<data dir>/secrets/session-secret` (mode 0600) and reused, so sessions survive restarts and the
 * secret never lives in the repository.
 */
export function loadSessionSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, 'session-secret');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': if two processes start at once, one writes and both read the same secret.
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Tighten a file someone loosened by hand: the secret signs every session.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds fewer than 32 characters; delete it to regenerate`);
  return secret;
}

/** A separate key per use (cookie signing, CSRF tokens), derived from the one secret. */
export function deriveKey(secret: string, purpose: 'cookies' | 'csrf' | 'totp'): string {
  return createHmac('sha256', secret).update(`claimwatch-review-ui:${purpose}`).digest('base64url');
}
