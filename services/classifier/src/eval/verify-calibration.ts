/**
 * Calibration of the verification thresholds on the project's own calibration set
 * (data/verify-calibration/claims.jsonl); the check-worthiness threshold is calibrated in
 * checkworthiness-calibration.ts. Runs the product path (`classifyDocument`: detection + verification) with candidate
 * policies, turns its flags into (scores, label) lists and lets calibrate-thresholds choose.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { detectDocument } from '../detect/detect-document.ts';
import type { Gazetteer } from '../detect/gazetteer/gazetteer.ts';
import { nfc } from '../detect/normalise-text.ts';
import { classifyDocument, type OfflineFlag } from '../jsonl/classify-jsonl.ts';
import type { ActiveModels } from '../models/active-models.ts';
import type { LabelledSentence } from '../train/datasets.ts';
import {
  chooseThreshold,
  gridOf,
  operatingPoint,
  range,
  type ScoredDecision,
  type SearchResult,
} from '../verify/policy/calibrate-thresholds.ts';
import { parseVerifyPolicy, type Thresholds, type VerifyPolicy } from '../verify/policy/verify-policy.ts';
import { claimLength, type VerifyContext } from '../verify/verify-claims.ts';

export const CALIBRATION_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/verify-calibration/claims.jsonl',
);

const REFERENCE_REASONS = ['contradicts_verified_fact', 'repeats_known_narrative'] as const;
type ReferenceReason = (typeof REFERENCE_REASONS)[number];
const Expectation = z.object({
  reason: z.enum(REFERENCE_REASONS),
  reference: z.string().min(1),
});

export const CalibrationRow = z.object({
  id: z.string().min(1),
  lang: z.enum(['vi', 'en']),
  text: z.string().min(1),
  expect: z.union([Expectation, z.object({ reason: z.literal('none'), reference: z.null() })]),
  /** Further flags the sentence must also get (e.g. a narrative besides the contradicted fact). */
  also: z.array(Expectation).optional(),
  split: z.enum(['calibrate', 'holdout']),
  kind: z.enum(['contradicts', 'agrees', 'narrative', 'paraphrase', 'denial', 'near_miss', 'unrelated']),
  /** For `none` sentences about a reference (agreeing with a fact, denying a narrative): which one. */
  about: z.string().optional(),
});
export type CalibrationRow = z.infer<typeof CalibrationRow>;

export function readCalibrationSet(file = CALIBRATION_FILE): { rows: CalibrationRow[]; sha256: string } {
  const text = readFileSync(file, 'utf8');
  const rows = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = CalibrationRow.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
  return { rows, sha256: createHash('sha256').update(text).digest('hex') };
}

/** The (reason, reference) pairs a sentence must be flagged with. */
export const expectedFlags = (row: CalibrationRow): { reason: ReferenceReason; reference: string }[] => [
  ...(row.expect.reason === 'none' ? [] : [row.expect as z.infer<typeof Expectation>]),
  ...(row.also ?? []),
];

/** Partnership levels are judged as of the publication date: every sentence is read as of this day. */
export const CALIBRATION_PUBLISHED_AT = '2026-11-01T00:00:00Z';

export type RowResult = { row: CalibrationRow; flags: OfflineFlag[]; longEnough: boolean };

/** Each sentence as a one-sentence document through detection + verification. */
export async function runRows(
  rows: readonly CalibrationRow[],
  gazetteer: Gazetteer,
  models: ActiveModels,
  ctx: VerifyContext,
): Promise<RowResult[]> {
  const out: RowResult[] = [];
  for (const row of rows) {
    const result = await classifyDocument(
      { id: row.id, text: row.text, lang: row.lang, publishedAt: CALIBRATION_PUBLISHED_AT },
      gazetteer,
      models,
      ctx,
    );
    out.push({
      row,
      flags: result.flags,
      longEnough: claimLength(row.text) >= ctx.policy.autoLinkMinWords,
    });
  }
  return out;
}

const isCorrect = (row: CalibrationRow, f: OfflineFlag) =>
  expectedFlags(row).some((e) => e.reason === f.reason && e.reference === f.references[0]?.id);

export type TierFigures = {
  taken: number;
  correct: number;
  expected: number;
  precision: number;
  recall: number;
  /** Wrong flags: `row id: reason ref` (for reading, not tuning). */
  wrong: string[];
  /** Expected flags not proposed (in this tier): `row id: reason ref`. */
  missed: string[];
};

const figures = (
  taken: number,
  correct: number,
  expected: number,
  wrong: string[],
  missed: string[],
): TierFigures => ({
  taken,
  correct,
  expected,
  precision: taken === 0 ? 0 : correct / taken,
  recall: expected === 0 ? 0 : correct / expected,
  wrong,
  missed,
});

/**
 * Precision/recall of reference flags (contradicts + narrative) per tier: `suggest` counts every reference
 * flag (an auto-link is also a suggestion), `autoLink` only auto-linked ones, with recall over the expected
 * flags of sentences long enough to auto-link. A flag is right when its reason and first reference are
 * expected for the sentence; each expected flag counts once.
 */
export function scoreRows(results: readonly RowResult[], reason?: ReferenceReason) {
  const keep = (f: OfflineFlag) =>
    (REFERENCE_REASONS as readonly string[]).includes(f.reason) && (!reason || f.reason === reason);
  const tier = (autoOnly: boolean): TierFigures => {
    let taken = 0;
    let correct = 0;
    let expected = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const { row, flags, longEnough } of results) {
      const wanted = expectedFlags(row).filter((e) => !reason || e.reason === reason);
      if (!autoOnly || longEnough) expected += wanted.length;
      const found = new Set<string>();
      for (const f of flags.filter(keep)) {
        if (autoOnly && f.tier !== 'auto_link') continue;
        taken++;
        if (isCorrect(row, f)) found.add(`${f.reason} ${f.references[0]?.id}`);
        else wrong.push(`${row.id}: ${f.reason} ${f.references[0]?.id}`);
      }
      correct += found.size;
      // A duplicate of a right flag (none today: one flag per reason) would count as taken, not correct.
      if (!autoOnly || longEnough)
        for (const e of wanted)
          if (!found.has(`${e.reason} ${e.reference}`)) missed.push(`${row.id}: ${e.reason} ${e.reference}`);
    }
    return figures(taken, correct, expected, wrong, missed);
  };
  const unverified = results.reduce(
    (n, r) => n + r.flags.filter((f) => f.reason === 'unverified_checkworthy').length,
    0,
  );
  return { suggest: tier(false), autoLink: tier(true), unverified };
}

export const policyWith = (base: VerifyPolicy, lang: string, values: Thresholds): VerifyPolicy =>
  parseVerifyPolicy(
    JSON.stringify({
      id: base.id,
      revision: 'calibration-candidate',
      autoLinkMinWords: base.autoLinkMinWords,
      thresholds: { default: values, [lang]: values },
    }),
  );

export const SUGGEST_PRECISION_FLOOR = 0.9;
export const AUTO_LINK_PRECISION_FLOOR = 0.97;
export const MAX_FALSE_AUTO_LINKS = 0;
/**
 * Auto-link threshold kept when no value reaches the auto-link floor: off (no rule confidence or coverage
 * below 1 passes). Keeping a hand-set value that makes false auto-links on the calibrate split would break
 * the "no false auto-link" requirement; suggestions still carry the reference (ADR 0010).
 */
export const AUTO_LINK_OFF = 1;

export type ThresholdChoice = { keys: (keyof Thresholds)[]; result: SearchResult; candidates: number };

/** Decisions of one reason from a run: reference flags of that reason, scored as the verifier scored them. */
function decisions(
  results: readonly RowResult[],
  reason: ReferenceReason,
  scoresOf: (f: OfflineFlag) => number[] | undefined,
  onlyLong = false,
): ScoredDecision[] {
  const out: ScoredDecision[] = [];
  for (const { row, flags, longEnough } of results) {
    if (onlyLong && !longEnough) continue;
    for (const f of flags) {
      if (f.reason !== reason) continue;
      const scores = scoresOf(f);
      if (scores) out.push({ scores, positive: isCorrect(row, f) });
    }
  }
  return out;
}

const expectedCount = (results: readonly RowResult[], reason: ReferenceReason, onlyLong = false) =>
  results.reduce(
    (n, r) =>
      n + (onlyLong && !r.longEnough ? 0 : expectedFlags(r.row).filter((e) => e.reason === reason).length),
    0,
  );

/**
 * An auto-link threshold over the flags a suggestion threshold keeps (`kept`), among sentences long enough
 * to auto-link: no false auto-link and precision ≥ the auto-link floor, else auto-link off.
 */
function chooseAutoLink(
  results: readonly RowResult[],
  reason: ReferenceReason,
  kept: (f: OfflineFlag) => boolean,
  grid: number[],
): { result: SearchResult; candidates: number } {
  const items = decisions(results, reason, (f) => (kept(f) ? [f.score] : undefined), true);
  const result = chooseThreshold(items, {
    grid: grid.map((v) => [v]),
    expected: expectedCount(results, reason, true),
    precisionFloor: AUTO_LINK_PRECISION_FLOOR,
    maxFalsePositives: MAX_FALSE_AUTO_LINKS,
    fallback: [AUTO_LINK_OFF],
  });
  return { result, candidates: items.length };
}

/**
 * Chooses one language's verdict and narrative thresholds on the calibrate split, in two stages, each
 * with a permissive policy so that every candidate decision shows up with its score:
 * 1. verdicts: `verdictConfidence` / `verdictAutoLink` at 0 → contradiction flags scored by rule confidence;
 * 2. narratives (verdict thresholds as chosen): narrative thresholds at 0 → narrative flags scored by
 *    coverage (the linked path) or coverage and margin (the lexical path).
 * The figures reported afterwards come from running the verifier again with the chosen values.
 */
export async function calibrateVerification(
  lang: string,
  start: Thresholds,
  run: (policy: VerifyPolicy) => Promise<RowResult[]>,
  basePolicy: VerifyPolicy,
): Promise<{ values: Thresholds; choices: ThresholdChoice[] }> {
  const values: Thresholds = { ...start };
  const choices: ThresholdChoice[] = [];

  // Stage 1: structured verdicts.
  const verdictRun = await run(
    policyWith(basePolicy, lang, { ...values, verdictConfidence: 0, verdictAutoLink: 0 }),
  );
  const verdictItems = decisions(verdictRun, 'contradicts_verified_fact', (f) => [f.score]);
  const confidenceGrid = range(0.5, 0.95, 0.05);
  const suggest = chooseThreshold(verdictItems, {
    grid: confidenceGrid.map((v) => [v]),
    expected: expectedCount(verdictRun, 'contradicts_verified_fact'),
    precisionFloor: SUGGEST_PRECISION_FLOOR,
    fallback: [start.verdictConfidence],
  });
  values.verdictConfidence = suggest.threshold[0]!;
  choices.push({ keys: ['verdictConfidence'], result: suggest, candidates: verdictItems.length });
  const auto = chooseAutoLink(
    verdictRun,
    'contradicts_verified_fact',
    (f) => f.score >= values.verdictConfidence,
    confidenceGrid.filter((v) => v >= values.verdictConfidence),
  );
  values.verdictAutoLink = auto.result.threshold[0]!;
  choices.push({ keys: ['verdictAutoLink'], ...auto });

  // Stage 2: narratives. Linked decisions pass the lexical dimensions, lexical ones the linked dimension.
  const narrativeRun = await run(
    policyWith(basePolicy, lang, {
      ...values,
      narrativeLinked: 0,
      narrativeSuggest: 0,
      narrativeMargin: 0,
      narrativeAutoLink: 0,
    }),
  );
  const open = Number.POSITIVE_INFINITY;
  const linkedPath = (f: OfflineFlag) => 'narrativeLinked' in f.thresholds;
  const narrativeItems = decisions(narrativeRun, 'repeats_known_narrative', (f) =>
    linkedPath(f) ? [f.score, open, open] : [open, f.score, f.margin ?? 0],
  );
  const narrativeGrid = gridOf(
    range(0.05, 0.6, 0.05),
    range(0.3, 0.95, 0.05),
    [0, 0.05, 0.1, 0.15, 0.2, 0.3],
  );
  const narrative = chooseThreshold(narrativeItems, {
    grid: narrativeGrid,
    expected: expectedCount(narrativeRun, 'repeats_known_narrative'),
    precisionFloor: SUGGEST_PRECISION_FLOOR,
    fallback: [start.narrativeLinked, start.narrativeSuggest, start.narrativeMargin],
  });
  [values.narrativeLinked, values.narrativeSuggest, values.narrativeMargin] = narrative.threshold as [
    number,
    number,
    number,
  ];
  choices.push({
    keys: ['narrativeLinked', 'narrativeSuggest', 'narrativeMargin'],
    result: narrative,
    candidates: narrativeItems.length,
  });
  const keptNarrative = (f: OfflineFlag) =>
    linkedPath(f)
      ? f.score >= values.narrativeLinked
      : f.score >= values.narrativeSuggest && (f.margin ?? 0) >= values.narrativeMargin;
  const narrativeAuto = chooseAutoLink(
    narrativeRun,
    'repeats_known_narrative',
    (f) => keptNarrative(f) && (f.margin ?? 0) >= values.narrativeMargin,
    range(0.3, 1, 0.05),
  );
  values.narrativeAutoLink = narrativeAuto.result.threshold[0]!;
  choices.push({ keys: ['narrativeAutoLink'], ...narrativeAuto });
  return { values, choices };
}
