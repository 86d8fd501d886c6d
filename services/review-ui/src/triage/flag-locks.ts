import type { Db } from '@claimwatch/shared/db';
import type { Redis } from 'ioredis';
import type { LockInfo } from './triage.schemas.ts';

/**
 * Soft locks: opening an item marks it, and every flag of its near-duplicate cluster (the same story at
 * other outlets), as taken by that person for a short time, renewed by the UI's heartbeat. One Redis key
 * per cluster (or per document when it has no cluster); the value names the holder. Others see who has
 * it and cannot decide those flags until the lock is released or expires.
 */

type Holder = { userId: string; name: string; expiresAt: string };

// Take or renew atomically: refused (the holder is returned) when someone else holds the key.
const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if current then
  local holder = cjson.decode(current)
  if holder.userId ~= ARGV[2] then return current end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return false`;

// Release only one's own lock.
const RELEASE = `
local current = redis.call('GET', KEYS[1])
if current and cjson.decode(current).userId == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end
return 0`;

export type LockTarget = { flagId: string; documentId: string; clusterId: string | null };

export class FlagLocks {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  keyOf(target: { documentId: string; clusterId: string | null }): string {
    return target.clusterId
      ? `${this.prefix}:triage:lock:cluster:${target.clusterId}`
      : `${this.prefix}:triage:lock:document:${target.documentId}`;
  }

  /** Where each flag's lock lives (its document's cluster, if any). Unknown ids are left out. */
  async targets(db: Db, flagIds: string[]): Promise<LockTarget[]> {
    if (flagIds.length === 0) return [];
    const rows = await db
      .selectFrom('flags')
      .leftJoin('cluster_appearances as ca', 'ca.document_id', 'flags.document_id')
      .select(['flags.id', 'flags.document_id', 'ca.cluster_id'])
      .where('flags.id', 'in', flagIds)
      .execute();
    return rows.map((r) => ({ flagId: r.id, documentId: r.document_id, clusterId: r.cluster_id }));
  }

  async acquire(
    target: LockTarget,
    user: { id: string; name: string },
    now: Date,
  ): Promise<{ ok: true; lock: LockInfo } | { ok: false; lock: LockInfo }> {
    const lock: Holder = {
      userId: user.id,
      name: user.name,
      expiresAt: new Date(now.getTime() + this.ttlMs).toISOString(),
    };
    const current = (await this.redis.eval(
      ACQUIRE,
      1,
      this.keyOf(target),
      JSON.stringify(lock),
      user.id,
      String(this.ttlMs),
    )) as string | null;
    return current ? { ok: false, lock: JSON.parse(current) as Holder } : { ok: true, lock };
  }

  async release(target: LockTarget, userId: string): Promise<boolean> {
    return (await this.redis.eval(RELEASE, 1, this.keyOf(target), userId)) === 1;
  }

  /** The current holder of each target's lock (null when free), in the order given. */
  async holders(targets: { documentId: string; clusterId: string | null }[]): Promise<(LockInfo | null)[]> {
    if (targets.length === 0) return [];
    const values = await this.redis.mget(...targets.map((t) => this.keyOf(t)));
    return values.map((v) => (v ? (JSON.parse(v) as Holder) : null));
  }

  /** Flags among `targets` that someone other than `userId` has open. */
  async lockedByOthers(targets: LockTarget[], userId: string): Promise<Map<string, LockInfo>> {
    const holders = await this.holders(targets);
    const out = new Map<string, LockInfo>();
    targets.forEach((t, i) => {
      const h = holders[i];
      if (h && h.userId !== userId) out.set(t.flagId, h);
    });
    return out;
  }
}
