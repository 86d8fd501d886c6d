import {
  type Db,
  findDocumentsAffectedByReference,
  getClassification,
  getVerifiedFact,
  listAnsweredClaims,
  listPendingReferenceChanges,
  listSuggestedClaims,
  markReferenceChangesProcessed,
} from '@claimwatch/shared/db';
import type { Queues } from '@claimwatch/shared/queues';
import { defaultGazetteer } from '../detect/gazetteer/load-gazetteer.ts';
import { createMatcher } from './match/match-references.ts';
import { defaultVerifyPolicy } from './policy/verify-policy.ts';
import { findReferences } from './reference-set.ts';
import { VIETNAM } from './verdict/structured-verdicts.ts';
import { entityFinder } from './verifier.ts';

/**
 * A fact or narrative was added, edited or retired: the documents whose flags cite it, and (for facts) the
 * documents with a claim naming each of its partners, are verified again. A response was approved: the
 * documents whose still-suggested claims repeat a claim it answered are verified again (so their flags cite
 * it). Each change gets its own job id, so a document already verified is queued again. Returns how many
 * documents were queued.
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
    const affected =
      change.kind === 'response'
        ? await documentsRepeatingAnswer(deps.db, change.referenceId)
        : await findDocumentsAffectedByReference(deps.db, change.kind, change.referenceId, partners);
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

/** Documents with a suggested claim as close to a claim the response answered as verification requires. */
async function documentsRepeatingAnswer(db: Db, responseId: string): Promise<string[]> {
  const answered = await listAnsweredClaims(db, responseId);
  if (answered.length === 0) return [];
  const answeredIds = new Set(answered.map((a) => a.claimId));
  const gazetteer = defaultGazetteer();
  const matcher = createMatcher(
    answered.map((a) => ({ id: a.claimId, text: a.text })),
    { findEntities: entityFinder(gazetteer) },
  );
  // The same bar verifyClaim applies before citing a past response (the lowest of any language).
  const policy = defaultVerifyPolicy();
  const bar = Math.min(
    ...[null, 'vi', 'en'].map((lang) => policy.thresholdsFor(lang).values.narrativeSuggest),
  );
  const documents = new Set<string>();
  for (const claim of await listSuggestedClaims(db))
    if (!answeredIds.has(claim.claimId) && (findReferences(matcher, claim.text, 1)[0]?.score ?? 0) >= bar)
      documents.add(claim.documentId);
  return [...documents].sort();
}
