import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { claimTypeOf } from '../detect/claim-features.ts';
import { findDates } from '../detect/dates.ts';
import type { Gazetteer } from '../detect/gazetteer/gazetteer.ts';
import { identifyLanguage } from '../detect/identify-language.ts';
import { nfc, normaliseToneMarks } from '../detect/normalise-text.ts';
import { findQuantities } from '../detect/quantities.ts';
import { sentenceRelevance } from '../detect/relevance.ts';
import { checkworthyJsonl } from '../jsonl/checkworthy-jsonl.ts';
import { writeJsonl } from '../jsonl/jsonl-files.ts';
import type { CheckworthinessScorer } from '../models/active-models.ts';
import {
  CHECKTHAT_DIR,
  type CheckThatSplit,
  type LabelledSentence,
  readCheckThat,
} from '../train/datasets.ts';
import { type BinaryMetrics, binaryMetrics } from '../train/metrics.ts';

export type LanguageReport = {
  lang: string;
  checkworthy: BinaryMetrics;
  relevant: BinaryMetrics;
  /** Relevant and check-worthy: what becomes a stored claim that may be flagged. */
  claim: BinaryMetrics;
  languageId: { correct: number; n: number; accuracy: number };
  claimType: { correct: number; n: number; accuracy: number };
};

/** Scores the claims-vi-en test split sentence by sentence with the product's detectors. */
export async function evaluateClaimsViEn(
  rows: LabelledSentence[],
  scorer: CheckworthinessScorer,
  gazetteer: Gazetteer,
): Promise<LanguageReport[]> {
  const scores = await scorer.score(rows.map((r) => nfc(r.text)));
  const predictions = await Promise.all(
    rows.map(async (r, i) => {
      const text = nfc(r.text);
      const lang = (await identifyLanguage(text)).lang;
      const matchable = normaliseToneMarks(text);
      const mentions = gazetteer.find(matchable);
      const relevant = sentenceRelevance(mentions, matchable, lang).isRelevant;
      const checkworthy = scores[i]! >= scorer.threshold;
      const type = claimTypeOf(text, mentions, findQuantities(text, lang, findDates(text)));
      return { row: r, relevant, checkworthy, lang, type };
    }),
  );
  const reports: LanguageReport[] = [];
  for (const lang of ['vi', 'en', 'all']) {
    const subset = predictions.filter((p) => lang === 'all' || p.row.lang === lang);
    const typed = subset.filter((p) => p.row.type !== null);
    const idCorrect = subset.filter((p) => p.lang === p.row.lang).length;
    const typeCorrect = typed.filter((p) => p.type === p.row.type).length;
    reports.push({
      lang,
      checkworthy: binaryMetrics(
        subset.map((p) => p.row.checkworthy),
        subset.map((p) => p.checkworthy),
      ),
      relevant: binaryMetrics(
        subset.map((p) => p.row.relevant),
        subset.map((p) => p.relevant),
      ),
      claim: binaryMetrics(
        subset.map((p) => p.row.relevant && p.row.checkworthy),
        subset.map((p) => p.relevant && p.checkworthy),
      ),
      languageId: { correct: idCorrect, n: subset.length, accuracy: idCorrect / Math.max(1, subset.length) },
      claimType: { correct: typeCorrect, n: typed.length, accuracy: typeCorrect / Math.max(1, typed.length) },
    });
  }
  return reports;
}

/**
 * Runs the stable `checkworthy` interface over a CheckThat split (writing the input and prediction files
 * under `workDir`) and scores F1 of "Yes".
 */
export async function evaluateCheckThat(
  sharedDataDir: string,
  split: CheckThatSplit,
  scorer: CheckworthinessScorer,
  workDir: string,
): Promise<BinaryMetrics> {
  const examples = readCheckThat(sharedDataDir, split);
  mkdirSync(workDir, { recursive: true });
  const inFile = path.join(workDir, `checkthat-${split}.in.jsonl`);
  const outFile = path.join(workDir, `checkthat-${split}.${scorer.model.id}.out.jsonl`);
  await writeJsonl(
    inFile,
    examples.map((e) => ({ id: e.id, text: e.text, lang: 'en' })),
  );
  await checkworthyJsonl(inFile, outFile, scorer);
  const predicted = new Map(
    readFileSync(outFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; label: string })
      .map((o) => [o.id, o.label === 'Yes'] as const),
  );
  return binaryMetrics(
    examples.map((e) => e.label),
    examples.map((e) => predicted.get(e.id) ?? false),
  );
}

export const hasCheckThat = (sharedDataDir: string) =>
  existsSync(path.join(sharedDataDir, CHECKTHAT_DIR, 'dev-test.jsonl'));
