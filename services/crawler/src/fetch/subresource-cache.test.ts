import { describe, expect, it } from 'vitest';
import type { HttpResponse } from './http-fetch.ts';
import { PerKeyLimiter, SubresourceCache } from './subresource-cache.ts';

const response = (bytes: number, headers: Record<string, string> = {}, status = 200): HttpResponse => ({
  url: 'https://example.org/x',
  status,
  headers,
  body: Buffer.alloc(bytes),
  sha256: '',
  redirects: [],
  durationMs: 1,
});

describe('SubresourceCache', () => {
  it('keeps 200 responses and serves them back', () => {
    const cache = new SubresourceCache(1000);
    const r = response(10);
    cache.put('https://a/app.js', r);
    expect(cache.get('https://a/app.js')).toBe(r);
    expect(cache.get('https://a/other.js')).toBeUndefined();
  });

  it('never keeps no-store, private or non-200 answers, nor one bigger than a quarter of the budget', () => {
    const cache = new SubresourceCache(1000);
    cache.put('https://a/1.js', response(10, { 'cache-control': 'no-store' }));
    cache.put('https://a/2.js', response(10, { 'cache-control': 'private, max-age=60' }));
    cache.put('https://a/3.js', response(10, {}, 404));
    cache.put('https://a/4.js', response(300));
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used first when over its byte budget', () => {
    const cache = new SubresourceCache(800);
    for (const n of [1, 2, 3, 4]) cache.put(`https://a/${n}.js`, response(200));
    cache.get('https://a/1.js'); // 1 is now the most recently used
    cache.put('https://a/5.js', response(200));
    expect(cache.get('https://a/2.js')).toBeUndefined();
    for (const n of [1, 3, 4, 5]) expect(cache.get(`https://a/${n}.js`)).toBeDefined();
  });

  it('forgets entries older than its maximum age', () => {
    let now = 0;
    const cache = new SubresourceCache(1000, 60_000, () => now);
    cache.put('https://a/app.js', response(10));
    now = 59_000;
    expect(cache.get('https://a/app.js')).toBeDefined();
    now = 61_000;
    expect(cache.get('https://a/app.js')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe('PerKeyLimiter', () => {
  it('runs at most `limit` tasks per key at once, other keys unaffected, all in order', async () => {
    const limiter = new PerKeyLimiter(2);
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    const finished: string[] = [];
    const releases: (() => void)[] = [];
    const task = (key: string, name: string) =>
      limiter.run(key, async () => {
        inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
        peak.set(key, Math.max(peak.get(key) ?? 0, inFlight.get(key)!));
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlight.set(key, inFlight.get(key)! - 1);
        finished.push(name);
      });
    const all = [task('a', 'a1'), task('a', 'a2'), task('a', 'a3'), task('a', 'a4'), task('b', 'b1')];
    while (finished.length < 5) {
      await new Promise((r) => setImmediate(r));
      releases.shift()?.();
    }
    await Promise.all(all);
    expect(peak.get('a')).toBe(2);
    expect(peak.get('b')).toBe(1);
    expect(finished.filter((n) => n.startsWith('a'))).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new PerKeyLimiter(1);
    await expect(limiter.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run('a', async () => 'next')).toBe('next');
  });
});
