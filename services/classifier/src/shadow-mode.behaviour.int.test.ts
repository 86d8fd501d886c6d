import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@claimwatch/shared/config';
import {
  getClassification,
  listClaimsForDocument,
  listFlagsForDocument,
  listShadowScoresForDocument,
} from '@claimwatch/shared/db';
import { createLogger } from '@claimwatch/shared/logging';
import type { Queues } from '@claimwatch/shared/queues';
import { buildDocument, type TestDatabase, waitFor } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGazetteer } from './detect/gazetteer/gazetteer.ts';
import { DEFAULT_CHECKWORTHY_MODEL_ID, loadCheckworthinessScorer } from './models/active-models.ts';
import { LINEAR_WEIGHTS_FILE, loadLinearModel, saveLinearModel } from './models/linear/linear-model.ts';
import { readManifest } from './models/manifest.ts';
import { BUILT_IN_MODELS_DIR, findModel } from './models/registry.ts';
import type { RunningClassifier } from './start-classifier.ts';
import {
  type ClassifierEnvironment,
  createClassifierEnvironment,
  startTestClassifier,
} from './testing/running-classifier.ts';
import { defaultVerifyPolicy } from './verify/policy/verify-policy.ts';

/** Shadow mode end to end: real Redis, BullMQ, database and the classify → verify workers. */

const gazetteer = buildGazetteer([
  { id: 'VN', kind: 'country', surface: 'Việt Nam', lang: 'vi' },
  { id: 'KR', kind: 'country', surface: 'Hàn Quốc', lang: 'vi' },
  {
    id: 'diplomatic_relations',
    kind: 'term',
    surface: 'quan hệ ngoại giao',
    lang: 'vi',
    category: 'relationship',
  },
  { id: 'trade', kind: 'term', surface: 'kim ngạch thương mại', lang: 'vi', category: 'economy' },
]);
const text = [
  'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao ngày 22/12/1992.',
  'Trời hôm nay nắng đẹp ở Hà Nội.',
  'Kim ngạch thương mại Việt Nam – Hàn Quốc năm 2024 đạt 86,4 tỷ USD.',
].join(' ');

const SHADOW_ID = 'shadow-checkworthy-test';
const BROKEN_ID = 'shadow-checkworthy-broken';

let environment: ClassifierEnvironment;
let t: TestDatabase;
let queues: Queues;
let modelsDir: string;
const logLines: string[] = [];
const logger = createLogger(loadConfig({ LOG_LEVEL: 'info' }).logging, 'test', {
  write: (line: string) => {
    logLines.push(line);
  },
});

/** A second check-worthiness model: the built-in one under another id, with a much lower bias. */
async function installShadowModel(id: string, biasShift: number) {
  const dir = path.join(modelsDir, id);
  cpSync(path.join(BUILT_IN_MODELS_DIR, DEFAULT_CHECKWORTHY_MODEL_ID), dir, { recursive: true });
  const model = loadLinearModel(dir);
  const { files: _f, revision: _r, format: _format, ...rest } = readManifest(dir);
  return saveLinearModel(
    dir,
    { config: { ...model.config, bias: model.config.bias + biasShift }, weights: model.weights },
    { ...rest, id },
  );
}

beforeAll(async () => {
  environment = await createClassifierEnvironment({ withReferences: false });
  ({ t, queues, modelsDir } = environment);
  await installShadowModel(SHADOW_ID, -20);
  await installShadowModel(BROKEN_ID, 1);
  // A file that no longer matches its manifest's hash: the model cannot load.
  writeFileSync(path.join(modelsDir, BROKEN_ID, LINEAR_WEIGHTS_FILE), Buffer.alloc(64));
});
afterAll(() => environment?.close());

/** Runs one classifier process (classify and verify workers) with the given shadow setting, then stops it. */
async function withClassifier<T>(shadow: string | undefined, run: (c: RunningClassifier) => Promise<T>) {
  const classifier = startTestClassifier(environment, {
    env: { LOG_LEVEL: 'info', ...(shadow ? { CLASSIFIER_SHADOW_CHECKWORTHY_MODEL: shadow } : {}) },
    logger,
    gazetteer,
  });
  try {
    return await run(classifier);
  } finally {
    await classifier.close();
  }
}

const completed = async (queue: 'classify' | 'verify') =>
  (await queues.queue(queue).getJobCounts('completed')).completed ?? 0;

/**
 * Enqueues a classification (a fresh job id each time) and waits for it and, the first time, the
 * verification after it (the verify job id names the document and model set, so a re-run adds none).
 */
async function classifyAndVerify(d: { id: string; content_hash: string }, run: string, isFirst = true) {
  const [classified, verified] = [await completed('classify'), await completed('verify')];
  await queues.enqueue('classify', {
    documentId: d.id,
    contentHash: d.content_hash.slice(0, 16),
    modelSet: run,
  });
  await waitFor(async () => ((await completed('classify')) > classified ? true : undefined));
  if (isFirst) await waitFor(async () => ((await completed('verify')) > verified ? true : undefined));
}

/** A document's flags, by claim text rather than ids, so two documents with the same text compare. */
const flagSnapshot = async (documentId: string) => {
  const claims = new Map((await listClaimsForDocument(t.db, documentId)).map((c) => [c.id, c.text]));
  return (await listFlagsForDocument(t.db, documentId)).map((f) => ({
    claim: claims.get(f.claim_id),
    reason: f.reason,
    status: f.status,
    score: f.score,
    models: f.models,
  }));
};

describe('shadow mode (real Redis, BullMQ and database)', () => {
  it('scores every stored claim with the shadow model, changes no flag, and re-running adds no row', async () => {
    // The same article twice: one classified without a shadow model, one with it.
    const without = await buildDocument(t.db, { text, title: 'Việt Nam – Hàn Quốc', lang: null });
    const withShadow = await buildDocument(t.db, { text, title: 'Việt Nam – Hàn Quốc', lang: null });
    await withClassifier(undefined, () => classifyAndVerify(without, 'without-shadow'));
    const flagsWithout = await flagSnapshot(without.id);
    expect(flagsWithout.length).toBeGreaterThan(0);
    expect(await listShadowScoresForDocument(t.db, without.id)).toEqual([]);

    const shadowModel = await loadCheckworthinessScorer(findModel({ modelsDir }, SHADOW_ID), { modelsDir });
    const threshold = defaultVerifyPolicy().thresholdsFor('vi').values.checkworthiness;
    await withClassifier(SHADOW_ID, async (classifier) => {
      expect((await classifier.shadow.current())?.model).toEqual(shadowModel.model);
      await classifyAndVerify(withShadow, 'with-shadow');
      const claims = await listClaimsForDocument(t.db, withShadow.id);
      expect(claims).toHaveLength(2);
      const expected = await shadowModel.score(claims.map((c) => c.text));
      const rows = await listShadowScoresForDocument(t.db, withShadow.id);
      expect(rows.map((r) => [r.claim_id, r.model_id, r.model_revision])).toEqual(
        claims.map((c) => [c.id, SHADOW_ID, shadowModel.model.revision]),
      );
      for (const [i, r] of rows.entries()) {
        expect(r.threshold).toBeCloseTo(threshold, 6);
        expect(r.score).toBeCloseTo(expected[i]!, 5);
        expect(r.would_flag).toBe(r.score >= r.threshold);
      }
      // The shadow disagrees with the active model here (it would flag fewer claims), yet the flags are
      // exactly those of the run without it.
      expect(rows.filter((r) => r.would_flag).length).toBeLessThan(
        new Set(flagsWithout.map((f) => f.claim)).size,
      );
      expect(await flagSnapshot(withShadow.id)).toEqual(flagsWithout);
      expect((await getClassification(t.db, withShadow.id))?.model_set).not.toContain(SHADOW_ID);

      // Classifying again (a retry, a duplicate job) replaces the same rows and keeps when they were made.
      await classifyAndVerify(withShadow, 'with-shadow-again', false);
      const again = await listShadowScoresForDocument(t.db, withShadow.id);
      expect(again.map((r) => [r.claim_id, r.model_revision, r.score, r.created_at.toISOString()])).toEqual(
        rows.map((r) => [r.claim_id, r.model_revision, r.score, r.created_at.toISOString()]),
      );
      expect(await flagSnapshot(withShadow.id)).toEqual(flagsWithout);
    });
  });

  it('a broken or missing shadow model is logged and classification goes on without it', async () => {
    for (const id of [BROKEN_ID, 'no-such-shadow-model']) {
      const document = await buildDocument(t.db, { text, title: 'Việt Nam – Hàn Quốc', lang: null });
      logLines.length = 0;
      await withClassifier(id, async (classifier) => {
        expect(await classifier.shadow.current()).toBeUndefined();
        await classifyAndVerify(document, `broken-${id}`);
      });
      expect(await getClassification(t.db, document.id)).toMatchObject({ lang: 'vi' });
      expect(await listClaimsForDocument(t.db, document.id)).toHaveLength(2);
      expect((await listFlagsForDocument(t.db, document.id)).length).toBeGreaterThan(0);
      expect(await listShadowScoresForDocument(t.db, document.id)).toEqual([]);
      const errors = logLines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
      expect(errors).toEqual([
        expect.objectContaining({
          shadowModel: id,
          msg: 'shadow model unavailable: classification goes on without it',
        }),
      ]);
    }
  });
});
