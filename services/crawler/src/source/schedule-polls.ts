import { claimDueSources, type Db } from '@claimwatch/shared/db';
import type { Queues } from '@claimwatch/shared/queues';

/** Enqueues one poll job per due source; the job id (source + due time) makes double scheduling harmless. */
export async function schedulePolls(deps: { db: Db; queues: Queues }, now = new Date()): Promise<number> {
  const due = await claimDueSources(deps.db, now);
  await deps.queues.enqueueMany(
    'poll',
    due.map((s) => ({ sourceId: s.id, dueAt: s.due_at.toISOString() })),
  );
  return due.length;
}
