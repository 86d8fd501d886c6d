import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.ts';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment: embedded database, local Redis', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('pglite');
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6390', prefix: 'claimwatch' });
    expect(config.crawler.hostGapMs).toBe(5000);
    expect(config.crawler.userAgent).toMatch(/^ClaimWatchBot\/\S+ \(\+https?:\/\/.+\)$/);
    expect(config.reviewUi.publicUrl).toBe('http://127.0.0.1:8787');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/cw', DATABASE_POOL_MAX: '3' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/cw', poolMax: 3 });
  });

  it('fails fast naming each wrong variable', () => {
    try {
      loadConfig({ CRAWLER_HOST_GAP_MS: 'soon', CRAWLER_TIMEOUT_MS: '-5' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const configError = error as ConfigError;
      expect(configError.variables).toEqual(['CRAWLER_HOST_GAP_MS', 'CRAWLER_TIMEOUT_MS']);
      expect(configError.message).toContain('CRAWLER_HOST_GAP_MS');
    }
  });

  it('rejects a malformed URL with the variable name', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });

  it('treats an empty variable as unset and parses booleans strictly', () => {
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
    expect(loadConfig({ UI_COOKIE_SECURE: 'yes' }).reviewUi.cookieSecure).toBe(true);
    expect(() => loadConfig({ UI_COOKIE_SECURE: 'maybe' })).toThrow(/UI_COOKIE_SECURE/);
  });

  it('requires a long session secret when one is given', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });
});
