import { loadConfig } from '@claimwatch/shared/config';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './http-fetch.ts';
import { hostGapFor } from './polite-fetch.ts';

describe('hostGapFor', () => {
  const config = loadConfig({ CRAWLER_HOST_GAP_OVERRIDES: 'own.example=100,127.0.0.1:8788=0' }).crawler;

  it('keeps at least the default gap, and a longer Crawl-delay', () => {
    expect(hostGapFor(config, new URL('https://a.example/x'), undefined)).toBe(5000);
    expect(hostGapFor(config, new URL('https://a.example/x'), 12_000)).toBe(12_000);
    expect(hostGapFor(config, new URL('https://a.example/x'), 1000)).toBe(5000);
  });

  it('skips a host whose Crawl-delay exceeds 30 s unless the operator overrides it', () => {
    expect(() => hostGapFor(config, new URL('https://slow.example/x'), 60_000)).toThrow(
      expect.objectContaining({ code: 'fetch_blocked_by_robots' }),
    );
    expect(hostGapFor(config, new URL('https://own.example/x'), 60_000)).toBe(100);
    expect(hostGapFor(config, new URL('http://127.0.0.1:8788/x'), undefined)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, within bounds', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('0', now)).toBe(1000);
    expect(parseRetryAfter('999999999', now)).toBe(24 * 3600 * 1000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
