/**
 * Calibration of the check-worthiness threshold (`unverified_checkworthy` suggestions) on the held-out `test`
 * split of claims-vi-en, with the same search and precision floor as the verification thresholds.
 */
import { createHash, randomUUID } from 'node:crypto';
import { detectDocument } from '../detect/detect-document.ts';
import type { Gazetteer } from '../detect/gazetteer/gazetteer.ts';
import { nfc } from '../detect/normalise-text.ts';
import type { ActiveModels } from '../models/active-models.ts';
import type { LabelledSentence } from '../train/datasets.ts';
import {
  chooseThreshold,
  operatingPoint,
  range,
  type ScoredDecision,
  type SearchResult,
} from '../verify/policy/calibrate-thresholds.ts';
import { SUGGEST_PRECISION_FLOOR } from './verify-calibration.ts';

/** claims-vi-en `test` split, halved by a hash of the id: one half calibrates, the other reports. */
export const checkworthinessHalf = (id: string): 'calibrate' | 'holdout' =>
  createHash('sha256').update(id).digest()[0]! % 2 === 0 ? 'calibrate' : 'holdout';

/**
 * What an `unverified_checkworthy` suggestion needs from detection: the sentence is a detected claim (about
 * Vietnam's foreign relations) and its check-worthiness passes the threshold. Right when the sentence is
 * labelled relevant AND check-worthy. Sentences detection drops can only be missed.
 */
export async function checkworthinessDecisions(
  rows: readonly LabelledSentence[],
  gazetteer: Gazetteer,
  models: ActiveModels,
): Promise<{ items: ScoredDecision[]; expected: number }> {
  const items: ScoredDecision[] = [];
  let expected = 0;
  for (const r of rows) {
    const positive = r.relevant && r.checkworthy;
    if (positive) expected++;
    const detection = await detectDocument(
      gazetteer,
      { documentId: randomUUID(), text: nfc(r.text), title: null, declaredLang: r.lang },
      models,
    );
    if (detection.claims.length === 0) continue;
    items.push({ scores: [Math.max(...detection.claims.map((c) => c.checkworthiness))], positive });
  }
  return { items, expected };
}

export function calibrateCheckworthiness(
  items: ScoredDecision[],
  expected: number,
  fallback: number,
): SearchResult {
  return chooseThreshold(items, {
    grid: range(0.1, 0.95, 0.05).map((v) => [v]),
    expected,
    precisionFloor: SUGGEST_PRECISION_FLOOR,
    fallback: [fallback],
  });
}

/**
 * Held-out figures for the check-worthiness threshold by cross-fitting on two halves: the threshold chosen
 * on one half is measured on the other, both ways, counts pooled. (The threshold written to the policy is
 * chosen on both halves together; this says how well such a choice carries to unseen sentences.)
 */
export function crossFitCheckworthiness(
  halves: [{ items: ScoredDecision[]; expected: number }, { items: ScoredDecision[]; expected: number }],
  fallback: number,
) {
  let tp = 0;
  let taken = 0;
  let expected = 0;
  const thresholds: number[] = [];
  for (const [fit, test] of [
    [halves[0], halves[1]],
    [halves[1], halves[0]],
  ] as const) {
    const t = calibrateCheckworthiness(fit.items, fit.expected, fallback).threshold[0]!;
    thresholds.push(t);
    const p = operatingPoint(test.items, [t], test.expected);
    tp += p.truePositives;
    taken += p.taken;
    expected += p.expected;
  }
  return {
    thresholds,
    taken,
    truePositives: tp,
    expected,
    precision: taken === 0 ? 0 : tp / taken,
    recall: expected === 0 ? 0 : tp / expected,
  };
}
export const checkworthinessFigures = (items: ScoredDecision[], expected: number, threshold: number) =>
  operatingPoint(items, [threshold], expected);
