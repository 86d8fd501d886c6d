import { createHash } from 'node:crypto';
import type { FlagReason, ReferenceKind } from '@claimwatch/shared/domain';
import type { CalibrationStatus, VerifyPolicy } from './policy/verify-policy.ts';
import {
  findNarratives,
  findPastResponses,
  findReferences,
  type ReferenceHit,
  type ReferenceSet,
} from './reference-set.ts';
import { readClaimSignals } from './verdict/claim-signals.ts';
import {
  compareWithFacts,
  type StructuredCheck,
  type StructuredVerdict,
} from './verdict/structured-verdicts.ts';

/** A claim as verification takes it (a stored claim row, or a claim detected offline). */
export type ClaimToVerify = {
  text: string;
  start: number;
  end: number;
  lang: string | null;
  /** Language-neutral entity ids with offsets into `text`. */
  entities: { id: string; kind: string; start: number }[];
  /** When it was said (the document's publication date); partnership levels are judged as of then. */
  date: Date | null;
  checkworthiness: number;
  model: ModelRef;
};

export type ModelRef = { id: string; revision: string };

/** NLI over (premise, hypothesis) pairs: probabilities per label. */
export type PairClassifier = {
  model: ModelRef;
  classify(pairs: { premise: string; hypothesis: string }[]): Promise<NliScores[]>;
};
export type NliScores = { entailment: number; neutral: number; contradiction: number };

export type Tier = 'suggest' | 'auto_link';

export type FlagReferenceProposal = { kind: ReferenceKind; id: string; version: number; score: number };

/** What one claim's verification proposes: one entry per reason (a flag is unique per claim and reason). */
export type FlagProposal = {
  reason: FlagReason;
  score: number;
  tier: Tier;
  references: FlagReferenceProposal[];
  evidence: {
    sentence: string;
    start: number;
    end: number;
    lang: string | null;
    tier: Tier;
    matches: {
      kind: ReferenceKind;
      id: string;
      version: number;
      score: number;
      text?: string;
      check?: string;
      claimValue?: string;
      factValue?: string;
      confidence?: number;
      nli?: NliScores;
    }[];
    thresholds: Record<string, number>;
    /** Whether those thresholds were calibrated for the models behind this flag (ADR 0010). */
    calibration: CalibrationStatus;
    margin: number | null;
    explanation: { vi: string; en: string };
  };
  models: ModelRef[];
};

export type VerifyContext = {
  set: ReferenceSet;
  policy: VerifyPolicy;
  /** Provenance common to every flag: ranker, reference-data version, policy (and NLI when used). */
  models: ModelRef[];
  nli?: PairClassifier | undefined;
};

const wordCount = (text: string) => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
/** Chinese and Japanese have no spaces: count characters as words, two per word. */
export const claimLength = (text: string) => {
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  return wordCount(text) + Math.floor(cjk / 2);
};

/** A version tag for a set of references: changes whenever one of them is edited. */
/** A hash of every reference's id@version and of the confirmed and answered claims remembered. */
export function referenceDataRevision(
  versions: ReadonlyMap<string, number>,
  memoryKeys: readonly string[] = [],
): string {
  const line = [...versions.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, v]) => `${id}@${v}`)
    .join(',');
  const hash = createHash('sha256').update(line);
  if (memoryKeys.length > 0) hash.update(`|${[...memoryKeys].sort().join(',')}`);
  return hash.digest('hex').slice(0, 12);
}

const round = (n: number) => Number(n.toFixed(4));

const signatureCache = new WeakMap<ReferenceSet, Map<string, Set<StructuredCheck>>>();

/**
 * Which structured checks each narrative's own example phrasings fail (e.g. "Vietnam joined a military
 * alliance" → defence_alliance): a claim failing the same check repeats that storyline. Read once per set.
 */
export function narrativeSignatures(set: ReferenceSet): Map<string, Set<StructuredCheck>> {
  const cached = signatureCache.get(set);
  if (cached) return cached;
  const out = new Map<string, Set<StructuredCheck>>();
  for (const n of set.narratives) {
    const checks = new Set<StructuredCheck>();
    const date = n.firstSeen ? new Date(n.firstSeen) : new Date();
    for (const p of [...n.examplePhrasings.map((x) => x.text), n.title.en, n.title.vi])
      for (const v of compareWithFacts(
        { text: p, entities: set.findEntities(p) as ClaimToVerify['entities'], date },
        set.facts,
      ))
        if (v.verdict === 'contradicts') checks.add(v.check);
    out.set(n.id, checks);
  }
  signatureCache.set(set, out);
  return out;
}

/**
 * Verifies one claim: structured verdicts against the facts, lexical matching against the narratives (and
 * against the facts for NLI when a model is configured). Proposes at most one flag per reason:
 * `contradicts_verified_fact` (a structured or NLI contradiction), `repeats_known_narrative` (a close match to
 * a narrative's phrasings that no verified fact in its refutation supports), or — when neither and no fact
 * supports the claim — `unverified_checkworthy` for a check-worthy claim. Models only propose.
 */
export async function verifyClaim(claim: ClaimToVerify, ctx: VerifyContext): Promise<FlagProposal[]> {
  // The models the thresholds depend on: the claim's check-worthiness model, the reference data and the
  // match ranker (ctx.models less the policy itself).
  const inForce = ctx.policy.thresholdsFor(claim.lang, [
    claim.model,
    ...ctx.models.filter((m) => m.id !== ctx.policy.id),
  ]);
  const t = inForce.values;
  const calibration = inForce.calibration;
  const longEnough = claimLength(claim.text) >= ctx.policy.autoLinkMinWords;
  const version = (id: string) => ctx.set.versions.get(id) ?? 1;
  const models = [claim.model, ...ctx.models];
  const base = (tier: Tier) => ({
    sentence: claim.text,
    start: claim.start,
    end: claim.end,
    lang: claim.lang,
    tier,
    calibration,
  });
  const out: FlagProposal[] = [];

  const verdicts = compareWithFacts(
    { text: claim.text, entities: claim.entities, date: claim.date },
    ctx.set.facts,
  );
  const supported = new Set(verdicts.filter((v) => v.verdict === 'supports').map((v) => v.factId));
  const contradiction = verdicts.find(
    (v) => v.verdict === 'contradicts' && v.confidence >= t.verdictConfidence && !supported.has(v.factId),
  );
  const claimSignals = readClaimSignals(claim.text);
  const factHits = findReferences(ctx.set.factMatcher, claim.text, 5);
  const lexicalOf = (id: string) => factHits.find((h) => h.id === id)?.score ?? 0;

  if (contradiction) out.push(structuredFlag(contradiction));
  else if (ctx.nli && supported.size === 0) {
    const nliFlag = await nliContradiction();
    if (nliFlag) out.push(nliFlag);
  }

  const narrative = narrativeFlag(findNarratives(ctx.set, claim.text, 5));
  if (narrative) out.push(narrative);

  if (out.length === 0 && supported.size === 0 && claim.checkworthiness >= t.checkworthiness) {
    const related = factHits.filter((h) => h.score >= t.factSuggest).slice(0, 3);
    out.push({
      reason: 'unverified_checkworthy',
      score: round(claim.checkworthiness),
      tier: 'suggest',
      references: [],
      evidence: {
        ...base('suggest'),
        matches: related.map((h) => ({
          kind: 'verified_fact' as const,
          id: h.id,
          version: version(h.id),
          score: round(h.score),
        })),
        thresholds: { checkworthiness: t.checkworthiness, factSuggest: t.factSuggest },
        margin: null,
        // Related facts are listed for context: say so, so that a reviewer does not read them as verdicts.
        explanation:
          related.length === 0
            ? {
                vi: 'Câu nêu một khẳng định có thể kiểm chứng về quan hệ đối ngoại của Việt Nam; chưa khớp với dữ kiện đã xác minh nào.',
                en: "The sentence makes a checkable claim about Vietnam's foreign relations; it matches no verified fact yet.",
              }
            : {
                vi: 'Câu nêu một khẳng định có thể kiểm chứng về quan hệ đối ngoại của Việt Nam; các dữ kiện liên quan bên dưới chỉ để tham khảo, không dữ kiện nào xác nhận hay bác bỏ câu này.',
                en: "The sentence makes a checkable claim about Vietnam's foreign relations; the related facts below are context only: none confirms or contradicts it.",
              },
      },
      models,
    });
  }
  if (out.length === 0) return out;
  // Approved responses that answered a claim this close (claim-to-claim coverage at the narrative
  // threshold: the same "repeats something already seen" judgement) are cited as evidence on every flag of
  // the claim: the writer may reuse the answer. They never make a flag on their own.
  const answered = findPastResponses(ctx.set, claim.text, 3).filter((h) => h.score >= t.narrativeSuggest);
  if (answered.length === 0) return out;
  const pastResponses = answered.map((h) => ({
    kind: 'response' as const,
    id: h.id,
    version: 1,
    score: round(h.score),
  }));
  return out.map((p) => withPastResponses(p, pastResponses));

  function withPastResponses(p: FlagProposal, refs: FlagReferenceProposal[]): FlagProposal {
    return {
      ...p,
      references: [...p.references, ...refs],
      evidence: {
        ...p.evidence,
        matches: [...p.evidence.matches, ...refs],
        thresholds: { ...p.evidence.thresholds, pastResponse: t.narrativeSuggest },
      },
    };
  }

  function structuredFlag(v: StructuredVerdict): FlagProposal {
    const tier: Tier = v.confidence >= t.verdictAutoLink && longEnough ? 'auto_link' : 'suggest';
    const fact = ctx.set.facts.find((f) => f.id === v.factId);
    return {
      reason: 'contradicts_verified_fact',
      score: round(v.confidence),
      tier,
      references: [
        { kind: 'verified_fact', id: v.factId, version: version(v.factId), score: round(v.confidence) },
      ],
      evidence: {
        ...base(tier),
        matches: [
          {
            kind: 'verified_fact',
            id: v.factId,
            version: version(v.factId),
            score: round(v.confidence),
            text: claim.lang === 'vi' ? fact?.text.vi : fact?.text.en,
            check: v.check,
            claimValue: v.claimValue,
            factValue: v.factValue,
            confidence: v.confidence,
          },
        ],
        thresholds: {
          verdictConfidence: t.verdictConfidence,
          verdictAutoLink: t.verdictAutoLink,
          lexicalSimilarity: round(lexicalOf(v.factId)),
        },
        margin: round(v.confidence - t.verdictConfidence),
        explanation: v.explanation,
      },
      models,
    };
  }

  async function nliContradiction(): Promise<FlagProposal | undefined> {
    const nli = ctx.nli!;
    const candidates = factHits.filter((h) => h.score >= t.factSuggest).slice(0, 3);
    if (candidates.length === 0) return;
    const facts = candidates.map((h) => ctx.set.facts.find((f) => f.id === h.id)!);
    const scores = await nli.classify(
      facts.map((f) => ({ premise: claim.lang === 'vi' ? f.text.vi : f.text.en, hypothesis: claim.text })),
    );
    let best = -1;
    for (let i = 0; i < scores.length; i++)
      if (
        scores[i]!.contradiction >= t.nliContradiction &&
        (best < 0 || scores[i]!.contradiction > scores[best]!.contradiction)
      )
        best = i;
    if (best < 0) return;
    const hit = candidates[best]!;
    const fact = facts[best]!;
    const s = scores[best]!;
    return {
      reason: 'contradicts_verified_fact',
      score: round(s.contradiction * hit.score),
      tier: 'suggest',
      references: [{ kind: 'verified_fact', id: hit.id, version: version(hit.id), score: round(hit.score) }],
      evidence: {
        ...base('suggest'),
        matches: [
          {
            kind: 'verified_fact',
            id: hit.id,
            version: version(hit.id),
            score: round(hit.score),
            text: claim.lang === 'vi' ? fact.text.vi : fact.text.en,
            nli: s,
          },
        ],
        thresholds: { factSuggest: t.factSuggest, nliContradiction: t.nliContradiction },
        margin: round(s.contradiction - t.nliContradiction),
        explanation: {
          vi: `Mô hình suy luận (NLI) đánh giá câu này mâu thuẫn với dữ kiện đã xác minh: "${fact.text.vi}"`,
          en: `The inference (NLI) model reads the claim as contradicting the verified fact: "${fact.text.en}"`,
        },
      },
      models: [...models, nli.model],
    };
  }

  function narrativeFlag(hits: ReferenceHit[]): FlagProposal | undefined {
    const signatures = narrativeSignatures(ctx.set);
    // 1. The claim makes the same structured error as the narrative's own example phrasings (the same
    //    check contradicted), and is lexically close to it: the closest such narrative.
    const linked = contradiction
      ? hits.find(
          (h) => h.score >= t.narrativeLinked && signatures.get(h.id)?.has(contradiction.check) === true,
        )
      : undefined;
    // 2. Otherwise a close lexical match alone, for a claim that neither denies the storyline nor agrees
    //    with any verified fact.
    const [best, second] = hits;
    const lexical =
      !linked &&
      best &&
      best.score >= t.narrativeSuggest &&
      best.score - (second?.score ?? 0) >= t.narrativeMargin &&
      !claimSignals.has.negation &&
      supported.size === 0
        ? best
        : undefined;
    const top = linked ?? lexical;
    if (!top) return;
    const narrative = ctx.set.narratives.find((n) => n.id === top.id)!;
    // A claim that a refuting fact supports states the truth the narrative distorts.
    if (narrative.refutedBy.some((id) => supported.has(id))) return;
    const runnerUp = hits.find((h) => h.id !== top.id);
    const margin = top.score - (runnerUp?.score ?? 0);
    const tier: Tier =
      top.score >= t.narrativeAutoLink && margin >= t.narrativeMargin && longEnough ? 'auto_link' : 'suggest';
    const refuting = narrative.refutedBy.map((id) => ({
      kind: 'verified_fact' as const,
      id,
      version: version(id),
      score: round(lexicalOf(id)),
    }));
    return {
      reason: 'repeats_known_narrative',
      score: round(top.score),
      tier,
      references: [
        { kind: 'known_narrative', id: top.id, version: version(top.id), score: round(top.score) },
        ...refuting,
      ],
      evidence: {
        ...base(tier),
        matches: [
          {
            kind: 'known_narrative',
            id: top.id,
            version: version(top.id),
            score: round(top.score),
            text: claim.lang === 'vi' ? narrative.title.vi : narrative.title.en,
          },
          ...hits
            .filter((h) => h.id !== top.id)
            .slice(0, 2)
            .map((h) => ({
              kind: 'known_narrative' as const,
              id: h.id,
              version: version(h.id),
              score: round(h.score),
            })),
          ...refuting,
        ],
        thresholds: {
          ...(linked
            ? { narrativeLinked: t.narrativeLinked, verdictConfidence: contradiction!.confidence }
            : {}),
          narrativeSuggest: t.narrativeSuggest,
          narrativeAutoLink: t.narrativeAutoLink,
          narrativeMargin: t.narrativeMargin,
        },
        margin: round(margin),
        explanation: {
          vi: `Câu này lặp lại luận điệu sai đã biết: "${narrative.title.vi}". ${narrative.refutedBy.length ? `Bị bác bỏ bởi: ${narrative.refutedBy.join(', ')}.` : ''}`.trim(),
          en: `The claim repeats a known false narrative: "${narrative.title.en}". ${narrative.refutedBy.length ? `Refuted by: ${narrative.refutedBy.join(', ')}.` : ''}`.trim(),
        },
      },
      models,
    };
  }
}
