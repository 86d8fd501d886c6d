/**
 * `pnpm eval:detect`: detection metrics on the development data.
 *
 * 1. Check-worthiness on CheckThat! 2024 task 1 (English, read from CLAIMWATCH_SHARED_DATA, default
 *    <repo>/../shared/data): a model trained on `train` with C chosen on `dev` (kept in the models
 *    directory, never committed: research-use data), reported on `dev` and `dev-test`, F1 of "Yes".
 * 2. The project's own claims-vi-en test split: precision/recall per language for check-worthiness,
 *    relevance and claims (both), language-ID accuracy and claim-type accuracy, with the built-in model.
 * 3. With CLASSIFIER_EMBEDDING_MODEL set: the same for a head trained on that embedding model.
 *
 * Flags: --retrain (train the CheckThat model again even if installed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, readProcessEnv } from '@claimwatch/shared/config';
import { defaultGazetteer } from '../src/detect/gazetteer/load-gazetteer.ts';
import {
  evaluateCheckThat,
  evaluateClaimsViEn,
  hasCheckThat,
  type LanguageReport,
} from '../src/eval/evaluate-detection.ts';
import { type CheckworthinessScorer, loadCheckworthinessScorer } from '../src/models/active-models.ts';
import { findModel, listInstalledModels } from '../src/models/registry.ts';
import { loadEmbedder } from '../src/models/transformers-runtime.ts';
import { readClaimsViEn } from '../src/train/datasets.ts';
import { formatMetrics } from '../src/train/metrics.ts';
import {
  CHECKTHAT_CHECKWORTHY_MODEL,
  COMBINED_CHECKWORTHY_MODEL,
  DEFAULT_CHECKWORTHY_MODEL,
  trainCheckworthiness,
} from '../src/train/train-checkworthiness.ts';

const config = loadConfig(readProcessEnv());
const dirs = { modelsDir: config.paths.modelsDir };
const shared = config.evaluation.sharedDataDir;
const workDir = path.join(config.paths.dataDir, 'eval', 'detect');
const retrain = process.argv.includes('--retrain');
const results: Record<string, unknown> = {};
const log = (line: string) => process.stdout.write(`${line}\n`);

const installed = (id: string) => listInstalledModels(dirs).find((m) => m.manifest.id === id);

function printViEn(title: string, reports: LanguageReport[]) {
  log(`\n## ${title}: claims-vi-en test split`);
  for (const r of reports) {
    log(`[${r.lang}] check-worthy  ${formatMetrics(r.checkworthy)}`);
    log(`[${r.lang}] relevant      ${formatMetrics(r.relevant)}`);
    log(`[${r.lang}] claim (both)  ${formatMetrics(r.claim)}`);
    log(
      `[${r.lang}] language ID ${(100 * r.languageId.accuracy).toFixed(2)}% (${r.languageId.correct}/${r.languageId.n}); claim type ${(100 * r.claimType.accuracy).toFixed(1)}% (${r.claimType.correct}/${r.claimType.n})`,
    );
  }
}

const gazetteer = defaultGazetteer();
log(`gazetteer: ${gazetteer.size} surface forms`);
const viEnTest = readClaimsViEn().filter((r) => r.split === 'test');
const builtIn = await loadCheckworthinessScorer(findModel(dirs, DEFAULT_CHECKWORTHY_MODEL), dirs);
log(`built-in model: ${builtIn.model.id}@${builtIn.model.revision}`);
const viEn = await evaluateClaimsViEn(viEnTest, builtIn, gazetteer);
printViEn(`${builtIn.model.id} (hashed n-grams)`, viEn);
results.claimsViEn = { model: builtIn.model, reports: viEn };

if (hasCheckThat(shared)) {
  if (retrain || !installed(CHECKTHAT_CHECKWORTHY_MODEL)) {
    log(`\ntraining ${CHECKTHAT_CHECKWORTHY_MODEL} on CheckThat train (C chosen on dev)…`);
    await trainCheckworthiness({ data: 'checkthat', sharedDataDir: shared, modelsDir: dirs.modelsDir, log });
  }
  if (retrain || !installed(COMBINED_CHECKWORTHY_MODEL)) {
    log(
      `\ntraining ${COMBINED_CHECKWORTHY_MODEL} on CheckThat train + claims-vi-en train (C chosen on CheckThat dev)…`,
    );
    await trainCheckworthiness({
      data: 'checkthat+claims-vi-en',
      sharedDataDir: shared,
      modelsDir: dirs.modelsDir,
      log,
    });
  }
  const checkthat = await loadCheckworthinessScorer(findModel(dirs, CHECKTHAT_CHECKWORTHY_MODEL), dirs);
  const combined = await loadCheckworthinessScorer(findModel(dirs, COMBINED_CHECKWORTHY_MODEL), dirs);
  const combinedViEn = await evaluateClaimsViEn(viEnTest, combined, gazetteer);
  printViEn(`${combined.model.id} (local only: CheckThat + claims-vi-en)`, combinedViEn);
  results.combinedViEn = { model: combined.model, reports: combinedViEn };
  log(`\n## CheckThat! 2024 task 1 (en), F1 of "Yes", threshold ${checkthat.threshold}`);
  const rows: Record<string, unknown> = {};
  for (const scorer of [checkthat, combined, builtIn] as CheckworthinessScorer[]) {
    for (const split of ['dev', 'dev-test'] as const) {
      const m = await evaluateCheckThat(shared, split, scorer, workDir);
      rows[`${scorer.model.id}/${split}`] = m;
      log(`${scorer.model.id}@${scorer.model.revision} ${split.padEnd(8)} ${formatMetrics(m)}`);
    }
  }
  results.checkThat = rows;
} else {
  log(`\n(CheckThat data not found under ${shared}: set CLAIMWATCH_SHARED_DATA)`);
}

if (config.classifier.embeddingModel) {
  const embedding = findModel(dirs, config.classifier.embeddingModel);
  const embedder = await loadEmbedder(embedding, {
    modelsDir: dirs.modelsDir,
    batchSize: config.classifier.modelBatchSize,
  });
  log(`\ntraining a check-worthiness head on ${embedder.model.id}@${embedder.model.revision}…`);
  log(
    '(figures below mean something only for real weights: synthetic or random-weight test models measure wiring)',
  );
  const head = await trainCheckworthiness({
    data: 'claims-vi-en',
    sharedDataDir: shared,
    modelsDir: dirs.modelsDir,
    embedder,
    log,
  });
  const scorer = await loadCheckworthinessScorer(findModel(dirs, head.manifest.id), dirs);
  const reports = await evaluateClaimsViEn(viEnTest, scorer, gazetteer);
  printViEn(`${scorer.model.id} (head on ${embedder.model.id})`, reports);
  results.embeddingHead = { model: scorer.model, base: embedder.model, reports };
  if (hasCheckThat(shared)) {
    const m = await evaluateCheckThat(shared, 'dev-test', scorer, workDir);
    log(`${scorer.model.id} on CheckThat dev-test ${formatMetrics(m)}`);
  }
} else {
  log(
    '\n(no operator embedding model configured: set CLASSIFIER_EMBEDDING_MODEL to compare a head on embeddings)',
  );
}

mkdirSync(workDir, { recursive: true });
writeFileSync(path.join(workDir, 'metrics.json'), `${JSON.stringify(results, null, 2)}\n`);
log(`\nmetrics written to ${path.join(workDir, 'metrics.json')}`);
