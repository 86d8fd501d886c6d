import {
  type Db,
  findDocumentsAffectedByReference,
  getClassification,
  getVerifiedFact,
  listPendingReferenceChanges,
  markReferenceChangesProcessed,
} from '@claimwatch/shared/db';
import type { Queues } from '@claimwatch/shared/queues';
import { VIETNAM } from './verdict/structured-verdicts.ts';

/**
 * A fact or narrative was added, edited or retired: the documents whose flags cite it, and (for facts) the
 * documents with a claim naming each of its partners, are verified again. Each change gets its own job id,
 * so a document already verified is queued again. Returns how many documents were queued.
 */
export async function reevaluateReferenceChanges(
  deps: { db: Db; queues: Queues },
  limit = 100,
): Promise<number> {
  const changes = await listPendingReferenceChanges(deps.db, limit);
  if (changes.length === 0) return 0;
  const documents = new Map<string, string>();
  for (const change of changes) {
    const partners =
      change.kind === 'verified_fact'
        ? ((await getVerifiedFact(deps.db, change.referenceId))?.structured.parties ?? []).filter(
            (p) => p !== VIETNAM,
          )
        : [];
    const affected = await findDocumentsAffectedByReference(
      deps.db,
      change.kind,
      change.referenceId,
      partners,
    );
    for (const id of affected) if (!documents.has(id)) documents.set(id, change.id);
  }
  for (const [documentId, changeId] of documents) {
    const classification = await getClassification(deps.db, documentId);
    if (!classification) continue;
    await deps.queues.enqueue('verify', {
      documentId,
      modelSet: `${classification.model_set}~ref-${changeId.slice(0, 8)}`,
    });
  }
  await markReferenceChangesProcessed(
    deps.db,
    changes.map((c) => c.id),
  );
  return documents.size;
}
