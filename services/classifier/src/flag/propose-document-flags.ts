import {
  type ClaimRow,
  type Db,
  getDocument,
  getSource,
  listClaimsForDocument,
  type ModelRef,
  type ProposedFlag,
  proposeFlags,
  withdrawSuggestedFlags,
} from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';

/** Check-worthiness at or above which an unmatched claim is suggested to monitors. */
export const CHECKWORTHY_THRESHOLD = 0.6;

const DAY_MS = 24 * 3600 * 1000;

/** Newer items first: full weight for a day, halving every week after. */
export function recencyWeight(publishedAt: Date | null, now: Date): number {
  if (!publishedAt) return 0.5;
  const ageDays = Math.max(0, (now.getTime() - publishedAt.getTime()) / DAY_MS - 1);
  return 0.5 ** (ageDays / 7);
}

/** priority = score × source priority × recency (spread across outlets joins with near-duplicate clusters). */
export function flagPriority(
  score: number,
  sourcePriority: number,
  publishedAt: Date | null,
  now: Date,
): number {
  return score * sourcePriority * recencyWeight(publishedAt, now);
}

function unverifiedFlag(claim: ClaimRow, priority: number): ProposedFlag {
  const model: ModelRef = { id: claim.model_id, revision: claim.model_revision };
  return {
    claimId: claim.id,
    documentId: claim.document_id,
    reason: 'unverified_checkworthy',
    score: claim.checkworthiness,
    priority,
    evidence: {
      sentence: claim.text,
      start: claim.start_offset,
      end: claim.end_offset,
      matches: [],
      thresholds: { checkworthiness: CHECKWORTHY_THRESHOLD },
      explanation: {
        vi: 'Câu nêu một khẳng định có thể kiểm chứng về quan hệ đối ngoại của Việt Nam; chưa khớp với dữ kiện đã xác minh nào.',
        en: "The sentence makes a checkable claim about Vietnam's foreign relations; it matches no verified fact yet.",
      },
    },
    models: [model],
  };
}

/**
 * Proposes flags for a document's claims. Models only ever propose (`suggested`); flags a person decided
 * are left alone, and suggestions the newest run no longer makes are withdrawn.
 */
export async function proposeDocumentFlags(db: Db, documentId: string, now = new Date()) {
  const document = await getDocument(db, documentId);
  if (!document) throw new AppError('not_found', `Document ${documentId} does not exist`);
  const source = document.source_id ? await getSource(db, document.source_id) : undefined;
  const claims = await listClaimsForDocument(db, documentId);
  const proposals = claims
    .filter((c) => c.checkworthiness >= CHECKWORTHY_THRESHOLD)
    .map((c) =>
      unverifiedFlag(c, flagPriority(c.checkworthiness, source?.priority ?? 1, document.published_at, now)),
    );
  return db.transaction().execute(async (trx) => {
    const flags = await proposeFlags(trx, proposals);
    await withdrawSuggestedFlags(
      trx,
      documentId,
      flags.map((f) => f.id),
    );
    return flags;
  });
}
