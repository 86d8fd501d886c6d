import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveKey, loadSessionSecret } from './session-secret.ts';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'cw-secret-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const file = () => path.join(dataDir, 'secrets', 'session-secret');

describe('loadSessionSecret', () => {
  it('generates a secret once into <data dir>/secrets/session-secret, readable by the owner only', () => {
    const secret = loadSessionSecret(undefined, dataDir);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file(), 'utf8')).toBe(secret);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file())).mode & 0o077).toBe(0);
  });

  it('reuses the stored secret, so sessions survive a restart', () => {
    expect(loadSessionSecret(undefined, dataDir)).toBe(loadSessionSecret(undefined, dataDir));
  });

  it('prefers SESSION_SECRET and then writes nothing', () => {
    const configured = 'c'.repeat(40);
    expect(loadSessionSecret(configured, dataDir)).toBe(configured);
    expect(() => statSync(file())).toThrow();
  });

  it('tightens a secret file whose permissions were loosened', () => {
    loadSessionSecret(undefined, dataDir);
    chmodSync(file(), 0o644);
    loadSessionSecret(undefined, dataDir);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });
});

describe('deriveKey', () => {
  it('derives different, stable keys per purpose', () => {
    const secret = 's'.repeat(40);
    expect(deriveKey(secret, 'cookies')).not.toBe(deriveKey(secret, 'csrf'));
    expect(deriveKey(secret, 'csrf')).toBe(deriveKey(secret, 'csrf'));
    expect(deriveKey(secret, 'csrf')).not.toBe(deriveKey('t'.repeat(40), 'csrf'));
  });
});
