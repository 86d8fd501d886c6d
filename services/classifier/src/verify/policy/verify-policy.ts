import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The thresholds that turn matches and verdicts into flags, per language (with a default), in a manifest
 * that names its revision: every flag records the policy revision it was proposed under.
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

const PolicyFile = z.object({
  id: z.string().min(1),
  revision: z.string().min(1),
  description: z.string().optional(),
  autoLinkMinWords: z.number().int().min(1),
  thresholds: z.object({ default: Thresholds }).catchall(Thresholds.partial()),
});

export type VerifyPolicy = {
  id: string;
  /** The manifest's revision and a hash of its content: editing a threshold changes it. */
  revision: string;
  autoLinkMinWords: number;
  thresholdsFor(lang: string | null): Thresholds;
};

export const DEFAULT_POLICY_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'verify-policy.json',
);

export function parseVerifyPolicy(text: string): VerifyPolicy {
  const parsed = PolicyFile.parse(JSON.parse(text));
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return {
    id: parsed.id,
    revision: `${parsed.revision}+${hash}`,
    autoLinkMinWords: parsed.autoLinkMinWords,
    thresholdsFor: (lang) => ({ ...parsed.thresholds.default, ...(lang ? parsed.thresholds[lang] : {}) }),
  };
}

let cached: VerifyPolicy | undefined;
export function defaultVerifyPolicy(): VerifyPolicy {
  cached ??= parseVerifyPolicy(readFileSync(DEFAULT_POLICY_FILE, 'utf8'));
  return cached;
}
