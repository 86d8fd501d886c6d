import { type ClaimRow, type Db, type ShadowScore, upsertShadowScores } from '@claimwatch/shared/db';
import type { CheckworthinessScorer } from '../models/active-models.ts';
import type { VerifyPolicy } from '../verify/policy/verify-policy.ts';

/**
 * Scores a document's stored claims with the shadow model and upserts `shadow_scores`. `wouldFlag` asks
 * the question the active model's unmatched claims face: score ≥ the check-worthiness threshold in force
 * for the claim's language. It writes no flag. Outside the languages the shadow model was trained for it
 * scores nothing (the active model falls back to rules there; a rule score is not the shadow's opinion).
 */
export async function scoreClaimsInShadow(
  db: Db,
  shadow: CheckworthinessScorer,
  policy: Pick<VerifyPolicy, 'thresholdsFor'>,
  claims: readonly Pick<ClaimRow, 'id' | 'text'>[],
  lang: string | null,
): Promise<ShadowScore[]> {
  if (claims.length === 0) return [];
  if (!shadow.languages.some((l) => l === '*' || l === lang)) return [];
  const threshold = policy.thresholdsFor(lang).values.checkworthiness;
  const scores = await shadow.score(claims.map((c) => c.text));
  const rows = claims.map((c, i) => {
    const score = Number(scores[i]!.toFixed(6));
    return { claimId: c.id, model: shadow.model, score, threshold, wouldFlag: score >= threshold };
  });
  await upsertShadowScores(db, rows);
  return rows;
}
