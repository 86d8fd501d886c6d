import {
  type Db,
  getAppearance,
  getClassification,
  getDocument,
  getSource,
  listAnsweredClaims,
  listClaimsForDocument,
  listClusterAppearances,
  listConfirmedPhrasings,
  listKnownNarratives,
  listVerifiedFacts,
  type ProposedFlag,
  proposeFlags,
  replaceFlagReferences,
  withdrawSuggestedFlags,
} from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import type { Gazetteer } from '../detect/gazetteer/gazetteer.ts';
import { createVerifyContext } from '../verify/verifier.ts';
import type { ClaimToVerify, FlagProposal, PairClassifier, VerifyContext } from '../verify/verify-claims.ts';
import { verifyClaim } from '../verify/verify-claims.ts';
import { flagPriority } from './priority.ts';

export type VerifierDeps = {
  gazetteer: Gazetteer;
  modelsDir?: string | undefined;
  /** Loads the configured NLI model (once); without one, no NLI verdicts. */
  loadNli?: (() => Promise<PairClassifier>) | undefined;
};

/**
 * The verification context for the references in the database, rebuilt only when a fact or narrative was
 * added, edited or retired, a flag was confirmed or a response approved (the key is every reference's
 * id@version, every confirmed claim→reference link and every answered claim→response link).
 */
export function createReferenceCache(deps: VerifierDeps) {
  let cached: { key: string; ctx: VerifyContext } | undefined;
  let nli: Promise<PairClassifier> | undefined;
  return async (db: Db): Promise<VerifyContext> => {
    if (deps.loadNli) nli ??= deps.loadNli();
    const facts = await listVerifiedFacts(db);
    const narratives = await listKnownNarratives(db);
    const confirmed = await listConfirmedPhrasings(db);
    const answered = await listAnsweredClaims(db);
    const key = [
      ...[...facts, ...narratives].map((r) => `${r.id}@${r.version}`),
      ...confirmed.map((c) => `${c.claimId}>${c.referenceId}`),
      ...answered.map((a) => `${a.claimId}>${a.responseId}`),
    ].join(',');
    if (cached?.key !== key)
      cached = {
        key,
        ctx: createVerifyContext(facts, narratives, {
          gazetteer: deps.gazetteer,
          modelsDir: deps.modelsDir,
          nli: nli ? await nli : undefined,
          confirmed,
          answered,
        }),
      };
    return cached.ctx;
  };
}
export type ReferenceCache = ReturnType<typeof createReferenceCache>;

/** Distinct outlets (hosts) that carry the document's story: its near-duplicate cluster. */
async function outletsCarrying(db: Db, documentId: string, url: string): Promise<number> {
  const appearance = await getAppearance(db, documentId);
  const urls = appearance
    ? (await listClusterAppearances(db, appearance.cluster_id)).map((a) => a.url)
    : [url];
  const hosts = new Set(
    urls.flatMap((u) => {
      try {
        return [new URL(u).host];
      } catch {
        return [];
      }
    }),
  );
  return Math.max(1, hosts.size);
}

/**
 * Verifies a document's claims and proposes flags. Models only ever propose (`suggested`); flags a person
 * decided are left alone, suggestions the newest run no longer makes are withdrawn, and each flag's
 * references are written to `flag_references` (so an edit of one of them re-evaluates the flag). Re-running
 * changes nothing: flags are upserted on (claim, reason).
 */
export async function proposeDocumentFlags(
  db: Db,
  documentId: string,
  references: ReferenceCache,
  now = new Date(),
) {
  const document = await getDocument(db, documentId);
  if (!document) throw new AppError('not_found', `Document ${documentId} does not exist`);
  const ctx = await references(db);
  const source = document.source_id ? await getSource(db, document.source_id) : undefined;
  const classification = await getClassification(db, documentId);
  const lang = classification?.lang ?? document.lang ?? null;
  const outlets = await outletsCarrying(db, documentId, document.url);
  const claims = await listClaimsForDocument(db, documentId);
  const proposals: { flag: ProposedFlag; proposal: FlagProposal }[] = [];
  for (const claim of claims) {
    const input: ClaimToVerify = {
      text: claim.text,
      start: claim.start_offset,
      end: claim.end_offset,
      lang,
      entities: claim.entities as ClaimToVerify['entities'],
      date: document.published_at,
      checkworthiness: claim.checkworthiness,
      model: { id: claim.model_id, revision: claim.model_revision },
    };
    for (const proposal of await verifyClaim(input, ctx))
      proposals.push({
        proposal,
        flag: {
          claimId: claim.id,
          documentId,
          reason: proposal.reason,
          score: proposal.score,
          priority: flagPriority({
            score: proposal.score,
            sourcePriority: source?.priority ?? 1,
            publishedAt: document.published_at,
            outlets,
            now,
          }),
          evidence: { ...proposal.evidence, outlets },
          models: proposal.models,
        },
      });
  }
  return db.transaction().execute(async (trx) => {
    const flags = await proposeFlags(
      trx,
      proposals.map((p) => p.flag),
    );
    for (const row of flags) {
      const p = proposals.find((x) => x.flag.claimId === row.claim_id && x.flag.reason === row.reason);
      if (p) await replaceFlagReferences(trx, row.id, p.proposal.references);
    }
    await withdrawSuggestedFlags(
      trx,
      documentId,
      flags.map((f) => f.id),
    );
    return flags;
  });
}
