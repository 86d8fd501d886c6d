import { type Db, listStalePages } from '@claimwatch/shared/db';
import type { Queues } from '@claimwatch/shared/queues';

/**
 * Re-enqueues pages stuck in a stage (a process died between its database write and the enqueue).
 * Waits `graceMs` so it never races the normal path; deterministic job ids make a re-enqueue of a job
 * that still exists a no-op.
 */
export async function sweepStalledPages(
  deps: { db: Db; queues: Queues },
  graceMs: number,
  now = new Date(),
): Promise<{ fetch: number; extract: number }> {
  const olderThan = new Date(now.getTime() - graceMs);
  const discovered = await listStalePages(deps.db, 'discovered', olderThan, 500);
  await deps.queues.enqueueMany(
    'fetch',
    discovered.map((p) => ({ pageId: p.id })),
  );
  const fetched = await listStalePages(deps.db, 'fetched', olderThan, 500);
  const extractJobs: { pageId: string; snapshotId: string }[] = [];
  for (const page of fetched) {
    const snapshot = await deps.db
      .selectFrom('snapshots')
      .select('id')
      .where('page_id', '=', page.id)
      .orderBy('fetched_at', 'desc')
      .executeTakeFirst();
    if (snapshot) extractJobs.push({ pageId: page.id, snapshotId: snapshot.id });
  }
  await deps.queues.enqueueMany('extract', extractJobs);
  return { fetch: discovered.length, extract: extractJobs.length };
}
