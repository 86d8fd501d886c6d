import type { OfflineFlag } from '../jsonl/classify-jsonl.ts';

/** A planted (known) misleading claim: the sentence, the reason it must be flagged for, and the reference. */
export type PlantedClaim = { reason: string; ref: string; sentence: string };

export type FlagEvaluationDocument = {
  id: string;
  planted: PlantedClaim[];
  flags: Pick<OfflineFlag, 'reason' | 'sentence' | 'references'>[];
};

export type FlagEvaluation = {
  planted: number;
  /** Flags with reason contradicts_verified_fact or repeats_known_narrative. */
  proposed: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Planted claims not flagged with the right reason and reference. */
  missed: { document: string; reason: string; ref: string; sentence: string }[];
  /** Flags that match no planted claim (wrong sentence, reason or reference). */
  wrong: { document: string; reason: string; ref: string; sentence: string }[];
  /** Documents without planted claims that got a `contradicts_verified_fact` flag. */
  ordinaryContradicting: string[];
  byReason: Record<string, { planted: number; proposed: number; truePositives: number }>;
};

const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();
const sameSentence = (flagged: string, planted: string) => {
  const a = squash(flagged);
  const b = squash(planted);
  return a.includes(b) || b.includes(a);
};

const REASONS = ['contradicts_verified_fact', 'repeats_known_narrative'];

/**
 * Flags against planted claims: a flag counts when its sentence is the planted sentence, its reason is the
 * planted reason AND its first reference is the planted fact or narrative. Unverified-check-worthy
 * suggestions are not judged here (they carry no reference).
 */
export function evaluateFlags(documents: readonly FlagEvaluationDocument[]): FlagEvaluation {
  const out: FlagEvaluation = {
    planted: 0,
    proposed: 0,
    truePositives: 0,
    precision: 0,
    recall: 0,
    missed: [],
    wrong: [],
    ordinaryContradicting: [],
    byReason: Object.fromEntries(REASONS.map((r) => [r, { planted: 0, proposed: 0, truePositives: 0 }])),
  };
  for (const d of documents) {
    const flags = d.flags.filter((f) => REASONS.includes(f.reason));
    const matched = new Set<number>();
    for (const p of d.planted) {
      out.planted++;
      out.byReason[p.reason]!.planted++;
      const i = flags.findIndex(
        (f, j) =>
          !matched.has(j) &&
          f.reason === p.reason &&
          f.references[0]?.id === p.ref &&
          sameSentence(f.sentence, p.sentence),
      );
      if (i >= 0) {
        matched.add(i);
        out.truePositives++;
        out.byReason[p.reason]!.truePositives++;
      } else out.missed.push({ document: d.id, ...p });
    }
    flags.forEach((f, j) => {
      out.proposed++;
      out.byReason[f.reason]!.proposed++;
      if (!matched.has(j))
        out.wrong.push({
          document: d.id,
          reason: f.reason,
          ref: f.references[0]?.id ?? '',
          sentence: f.sentence,
        });
    });
    if (d.planted.length === 0 && flags.some((f) => f.reason === 'contradicts_verified_fact'))
      out.ordinaryContradicting.push(d.id);
  }
  out.precision = out.proposed === 0 ? 0 : out.truePositives / out.proposed;
  out.recall = out.planted === 0 ? 0 : out.truePositives / out.planted;
  return out;
}
