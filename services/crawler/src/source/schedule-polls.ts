import { claimDueSources, type Db, releaseSourceClaims } from '@claimwatch/shared/db';
import type { Queues } from '@claimwatch/shared/queues';

/**
 * Enqueues one poll job per due source; the job id (source + due time) makes double scheduling harmless.
 * Claiming moves a source's next poll forward, so when the jobs cannot be enqueued the claims are given
 * back: a Redis outage delays polls, it does not skip them for a whole interval.
 */
export async function schedulePolls(deps: { db: Db; queues: Queues }, now = new Date()): Promise<number> {
  const due = await claimDueSources(deps.db, now);
  try {
    await deps.queues.enqueueMany(
      'poll',
      due.map((s) => ({ sourceId: s.id, dueAt: s.due_at.toISOString() })),
    );
  } catch (error) {
    await releaseSourceClaims(
      deps.db,
      due.map((s) => ({ id: s.id, dueAt: s.due_at, claimedNextPollAt: s.next_poll_at as Date })),
    );
    throw error;
  }
  return due.length;
}
