import { type Db, listStaleDocuments } from '@claimwatch/shared/db';
import type { Queues } from '@claimwatch/shared/queues';

/** Re-enqueues documents left unclassified (a process died between the write and the enqueue). */
export async function sweepUnclassified(
  deps: { db: Db; queues: Queues },
  graceMs: number,
  now = new Date(),
): Promise<number> {
  const stale = await listStaleDocuments(deps.db, 'extracted', new Date(now.getTime() - graceMs), 500);
  await deps.queues.enqueueMany(
    'classify',
    stale.map((d) => ({ documentId: d.id, contentHash: d.content_hash.slice(0, 16) })),
  );
  return stale.length;
}
