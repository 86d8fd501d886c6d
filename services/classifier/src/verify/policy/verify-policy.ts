import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The thresholds that turn matches and verdicts into flags, per language (with a default), in a manifest
 * that names its revision: every flag records the policy revision it was proposed under. Per-language
 * sections are written by `pnpm calibrate:verify`, with a `calibration` block naming the models they were
 * calibrated for; `thresholdsFor` says whether the running models are those.
 */
export const Thresholds = z.object({
  /** A structured verdict at or above this rule confidence yields a flag. */
  verdictConfidence: z.number().min(0).max(1),
  /** … and at or above this one (and on a claim of at least `autoLinkMinWords`), the fact is auto-linked. */
  verdictAutoLink: z.number().min(0).max(1),
  /** Coverage similarity with a narrative that fails the same structured check as the claim. */
  narrativeLinked: z.number().min(0).max(1),
  /** Coverage similarity of a claim with a narrative phrasing alone: suggest / auto-link. */
  narrativeSuggest: z.number().min(0).max(1),
  narrativeAutoLink: z.number().min(0).max(1),
  /** Auto-link needs the best narrative to lead the second one by this much. */
  narrativeMargin: z.number().min(0).max(1),
  /** Coverage similarity with a fact for it to be a candidate (NLI path, evidence). */
  factSuggest: z.number().min(0).max(1),
  /** NLI contradiction probability for a flag without a structured verdict. */
  nliContradiction: z.number().min(0).max(1),
  /** Check-worthiness at or above which an unmatched claim is suggested. */
  checkworthiness: z.number().min(0).max(1),
});
export type Thresholds = z.infer<typeof Thresholds>;

const ModelRefSchema = z.object({ id: z.string().min(1), revision: z.string().min(1) });
export type CalibratedModel = z.infer<typeof ModelRefSchema>;

/** What `pnpm calibrate:verify` records; only `models` and `languages` are read at run time. */
const CalibrationBlock = z
  .object({
    date: z.string(),
    /** The models the per-language thresholds were calibrated for (check-worthiness, reference data, ranker). */
    models: z.array(ModelRefSchema),
    /** Languages whose section was calibrated (a section without calibration is hand-set). */
    languages: z.array(z.string()),
  })
  .passthrough();

const PolicyFile = z.object({
  id: z.string().min(1),
  revision: z.string().min(1),
  description: z.string().optional(),
  autoLinkMinWords: z.number().int().min(1),
  thresholds: z.object({ default: Thresholds }).catchall(Thresholds.partial()),
  calibration: CalibrationBlock.optional(),
});

/**
 * Whether the thresholds in force were calibrated for the models running now. `section` is the language
 * section applied (null: the hand-set default only). A mismatch does not change the values (ADR 0010): the
 * calibrated values are kept and the flag says `calibrated: false` with what differs.
 */
export type CalibrationStatus = {
  calibrated: boolean;
  section: string | null;
  /** `id@running` (calibrated for `id@revision`, or `none`) for each model that differs. */
  mismatched: string[];
};

export type ThresholdsInForce = { values: Thresholds; calibration: CalibrationStatus };

export type VerifyPolicy = {
  id: string;
  /** The manifest's revision and a hash of its content: editing a threshold changes it. */
  revision: string;
  autoLinkMinWords: number;
  /**
   * Thresholds for a claim's language, and whether they were calibrated for `running` (the models behind
   * the claim: its check-worthiness model, the reference data, the match ranker when installed).
   */
  thresholdsFor(lang: string | null, running?: readonly CalibratedModel[]): ThresholdsInForce;
  /** The models the calibrated sections were calibrated for (empty: nothing calibrated). */
  calibratedFor: readonly CalibratedModel[];
};

export const DEFAULT_POLICY_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'verify-policy.json',
);

/**
 * Models that differ between calibration and now, in both directions: a model calibrated for that is not
 * running (or runs another revision), and a running model the calibration did not have (e.g. a ranker an
 * operator installed afterwards). Only ids the calibration covers or the caller passes are compared.
 */
export function compareModels(
  calibratedFor: readonly CalibratedModel[],
  running: readonly CalibratedModel[],
): string[] {
  const out: string[] = [];
  for (const m of calibratedFor) {
    const now = running.find((r) => r.id === m.id);
    if (!now) out.push(`${m.id}@none (calibrated for ${m.id}@${m.revision})`);
    else if (now.revision !== m.revision)
      out.push(`${m.id}@${now.revision} (calibrated for ${m.id}@${m.revision})`);
  }
  for (const r of running)
    if (!calibratedFor.some((m) => m.id === r.id)) out.push(`${r.id}@${r.revision} (calibrated for none)`);
  return out;
}

export function parseVerifyPolicy(text: string): VerifyPolicy {
  const parsed = PolicyFile.parse(JSON.parse(text));
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const calibratedFor = parsed.calibration?.models ?? [];
  const calibratedLanguages = new Set(parsed.calibration?.languages ?? []);
  return {
    id: parsed.id,
    revision: `${parsed.revision}+${hash}`,
    autoLinkMinWords: parsed.autoLinkMinWords,
    calibratedFor,
    thresholdsFor: (lang, running = []) => {
      const section = lang && parsed.thresholds[lang] ? lang : null;
      const values = { ...parsed.thresholds.default, ...(section ? parsed.thresholds[section] : {}) };
      if (!section || !calibratedLanguages.has(section))
        return { values, calibration: { calibrated: false, section, mismatched: [] } };
      const mismatched = compareModels(calibratedFor, running);
      return { values, calibration: { calibrated: mismatched.length === 0, section, mismatched } };
    },
  };
}

let cached: VerifyPolicy | undefined;
export function defaultVerifyPolicy(): VerifyPolicy {
  cached ??= parseVerifyPolicy(readFileSync(DEFAULT_POLICY_FILE, 'utf8'));
  return cached;
}
