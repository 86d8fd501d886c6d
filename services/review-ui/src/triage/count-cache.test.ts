import { describe, expect, it } from 'vitest';
import { CountCache } from './count-cache.ts';

describe('CountCache', () => {
  it('shares one count per filter within the TTL, whatever the key order', async () => {
    let now = 0;
    let calls = 0;
    const cache = new CountCache(2000, () => now);
    const count = async () => ++calls;
    expect(await cache.get({ status: 'suggested', lang: 'vi' }, count)).toBe(1);
    expect(await cache.get({ lang: 'vi', status: 'suggested' }, count)).toBe(1);
    expect(await cache.get({ status: 'suggested' }, count)).toBe(2);
    now = 2000;
    expect(await cache.get({ status: 'suggested', lang: 'vi' }, count)).toBe(3);
  });

  it('counts afresh after clear, and always when the TTL is 0', async () => {
    let calls = 0;
    const count = async () => ++calls;
    const cache = new CountCache(2000, () => 0);
    await cache.get({}, count);
    cache.clear();
    expect(await cache.get({}, count)).toBe(2);
    const off = new CountCache(0);
    expect(await off.get({}, count)).toBe(3);
    expect(await off.get({}, count)).toBe(4);
  });

  it('does not remember a failed count', async () => {
    const cache = new CountCache(2000, () => 0);
    await expect(cache.get({}, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await new Promise((r) => setImmediate(r));
    expect(await cache.get({}, async () => 7)).toBe(7);
  });
});
