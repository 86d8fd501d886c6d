import { createTestQueues, type TestQueues } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostPoliteness, type HostPoliteness } from './host-politeness.ts';

// The host state lives in a real Redis, so every crawler process sees the same pauses and slots.
let q: TestQueues;
let politeness: HostPoliteness;

beforeAll(async () => {
  q = await createTestQueues();
  politeness = createHostPoliteness(q.redis, q.prefix, 30_000);
});
afterAll(async () => q?.close());

const remainingPause = async (host: string) =>
  Number(await q.redis.get(`${q.prefix}:politeness:${host}:next`)) - Date.now();

const busyFor = (host: string) =>
  politeness
    .withHostSlot(host, 0, async () => 'ran')
    .then(
      () => undefined,
      (error: { code?: string; details?: { retryAfterMs?: number } }) => error,
    );

describe('host politeness in Redis', () => {
  it('pauses a host after repeated connection failures, doubling the pause, until a success', async () => {
    const host = 'down.example';
    expect(await politeness.noteConnectionFailure(host, 3, 60_000)).toBe(0);
    expect(await politeness.noteConnectionFailure(host, 3, 60_000)).toBe(0);
    expect(await busyFor(host)).toBeUndefined();

    expect(await politeness.noteConnectionFailure(host, 3, 60_000)).toBe(60_000);
    expect(await remainingPause(host)).toBeGreaterThan(50_000);
    expect(await busyFor(host)).toMatchObject({ code: 'fetch_host_busy' });
    expect(await politeness.noteConnectionFailure(host, 3, 60_000)).toBe(120_000);
    expect(await remainingPause(host)).toBeGreaterThan(110_000);

    // A later success resets the count: the next failure alone does not pause the host again.
    await politeness.noteSuccess(host);
    expect(await politeness.noteConnectionFailure(host, 3, 60_000)).toBe(0);
  });

  it('never caps a pause above an hour, and a shorter pause never shortens a longer one', async () => {
    const host = 'flaky.example';
    let last = 0;
    for (let i = 0; i < 12; i++) last = await politeness.noteConnectionFailure(host, 1, 60_000);
    expect(last).toBe(3600_000);
    await politeness.pauseHost(host, 1000);
    expect(await remainingPause(host)).toBeGreaterThan(3500_000);
  });

  it('lets one request in flight per host and tells the others how long to wait', async () => {
    const host = 'busy.example';
    let release!: () => void;
    const first = politeness.withHostSlot(
      host,
      200,
      () => new Promise<string>((r) => (release = () => r('first'))),
    );
    const second = await busyFor(host);
    expect(second).toMatchObject({ code: 'fetch_host_busy' });
    release();
    expect(await first).toBe('first');
    // Other hosts are independent.
    expect(await busyFor('other.example')).toBeUndefined();
  });
});
