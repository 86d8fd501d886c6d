import { type Db, listOutdatedClassifications, listStaleDocuments } from '@claimwatch/shared/db';
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

/**
 * Re-enqueues documents classified by another model set than the active one. The job id carries the
 * model set, so each change queues each document once.
 */
export async function sweepOutdatedClassifications(
  deps: { db: Db; queues: Queues },
  activeModelSet: string,
  limit = 500,
): Promise<number> {
  const outdated = await listOutdatedClassifications(deps.db, activeModelSet, limit);
  await deps.queues.enqueueMany(
    'classify',
    outdated.map((d) => ({
      documentId: d.documentId,
      contentHash: d.contentHash.slice(0, 16),
      modelSet: activeModelSet,
    })),
  );
  return outdated.length;
}
