import { randomUUID } from 'node:crypto';
import { AppError } from '@claimwatch/shared/errors';
import type { Redis } from 'ioredis';

/**
 * Per-host politeness shared by every crawler process through Redis: at most one request in flight per
 * host, and at least `gapMs` between two request starts. A busy host is not waited for: the caller gets
 * a `fetch_host_busy` error with the time to wait, and the worker delays the job.
 * Uses Redis' clock (TIME), so processes on different machines agree.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < nextAt then return nextAt - now end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[3]) == false then
  -- Another request to the host is in flight; we cannot know when it ends, so look again after the gap.
  return math.max(tonumber(ARGV[2]), 250)
end
redis.call('SET', KEYS[1], now + tonumber(ARGV[2]), 'PX', tonumber(ARGV[2]) + 60000)
return 0
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

// Pushes the host's next allowed start to at least now + ms (never earlier than it already is).
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > nextAt then redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1]) + 60000) end
return until_
`;

export type HostPoliteness = {
  /** Runs `work` holding the host's slot, or throws `fetch_host_busy` with the wait. */
  withHostSlot<T>(host: string, gapMs: number, work: () => Promise<T>): Promise<T>;
  /** Nobody starts a request to the host for `ms` (Retry-After, repeated connection failures). */
  pauseHost(host: string, ms: number): Promise<void>;
  /**
   * Counts consecutive connection failures to a host (shared by all processes); returns the pause the
   * host now deserves: none below `threshold`, then doubling from `basePauseMs` up to an hour.
   */
  noteConnectionFailure(host: string, threshold: number, basePauseMs: number): Promise<number>;
  noteSuccess(host: string): Promise<void>;
};

export function createHostPoliteness(redis: Redis, prefix: string, maxRequestMs: number): HostPoliteness {
  const keyOf = (host: string) => `${prefix}:politeness:${host.toLowerCase()}`;
  return {
    async pauseHost(host, ms) {
      await redis.eval(PAUSE, 1, `${keyOf(host)}:next`, Math.max(0, Math.round(ms)));
    },
    async noteConnectionFailure(host, threshold, basePauseMs) {
      const key = `${keyOf(host)}:failures`;
      const failures = await redis.incr(key);
      await redis.pexpire(key, 24 * 3600 * 1000);
      if (failures < threshold) return 0;
      const pause = Math.min(basePauseMs * 2 ** (failures - threshold), 3600 * 1000);
      await this.pauseHost(host, pause);
      return pause;
    },
    async noteSuccess(host) {
      await redis.del(`${keyOf(host)}:failures`);
    },
    async withHostSlot(host, gapMs, work) {
      const key = keyOf(host);
      const token = randomUUID();
      const wait = Number(
        await redis.eval(ACQUIRE, 2, `${key}:next`, `${key}:inflight`, token, gapMs, maxRequestMs),
      );
      if (wait > 0) {
        // A little jitter so that delayed jobs for one host do not all wake at the same instant.
        throw new AppError('fetch_host_busy', `Host ${host} busy for ${wait} ms`, {
          retryAfterMs: wait + Math.floor(Math.random() * Math.min(gapMs, 1000)),
        });
      }
      try {
        return await work();
      } finally {
        await redis.eval(RELEASE, 1, `${key}:inflight`, token).catch(() => {});
      }
    },
  };
}
