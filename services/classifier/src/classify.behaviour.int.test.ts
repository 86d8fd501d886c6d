import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@claimwatch/shared/config';
import {
  getClassification,
  getDocument,
  listClaimsForDocument,
  listFlagsForDocument,
} from '@claimwatch/shared/db';
import { createLogger } from '@claimwatch/shared/logging';
import { createQueues, type Queues } from '@claimwatch/shared/queues';
import {
  buildDocument,
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
  waitFor,
} from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleClassify } from './detect/classify.worker.ts';
import { buildGazetteer, type GazetteerEntry } from './detect/gazetteer/gazetteer.ts';
import { DEFAULT_CHECKWORTHY_MODEL_ID, loadActiveModels } from './models/active-models.ts';
import { loadLinearModel, saveLinearModel } from './models/linear/linear-model.ts';
import { readManifest } from './models/manifest.ts';
import type { ModelState } from './models/model-state.ts';
import { BUILT_IN_MODELS_DIR } from './models/registry.ts';
import { type RunningClassifier, startClassifier } from './start-classifier.ts';

/** A small gazetteer of our own, so the test does not move when the bundled data files grow. */
const entries: GazetteerEntry[] = [
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
];
const gazetteer = buildGazetteer(entries);

let t: TestDatabase;
let q: TestQueues;
let queues: Queues;
let classifier: RunningClassifier;
const modelsDir = mkdtempSync(path.join(tmpdir(), 'cw-int-models-'));
const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent' }).logging, 'test');

beforeAll(async () => {
  t = await createTestDatabase();
  q = await createTestQueues();
  queues = createQueues(q.redis, q.prefix);
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  classifier = startClassifier({
    db: t.db,
    redis: q.redis,
    queues,
    prefix: q.prefix,
    config: config.classifier,
    logger,
    modelsDir,
    gazetteer,
    sweepEveryMs: 3_600_000,
  });
});
afterAll(async () => {
  await classifier?.close();
  await queues?.close();
  await q?.close();
  await t?.close();
  rmSync(modelsDir, { recursive: true, force: true });
});

const text = [
  'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao ngày 22/12/1992.',
  'Trời hôm nay nắng đẹp ở Hà Nội.',
  'Kim ngạch thương mại Việt Nam – Hàn Quốc năm 2024 đạt 86,4 tỷ USD.',
].join(' ');

const enqueue = (d: { id: string; content_hash: string }, modelSet?: string) =>
  queues.enqueue('classify', {
    documentId: d.id,
    contentHash: d.content_hash.slice(0, 16),
    ...(modelSet ? { modelSet } : {}),
  });

const completed = async (queue: 'classify' | 'verify') =>
  (await queues.queue(queue).getJobCounts('completed')).completed ?? 0;

describe('classify worker (real Redis, BullMQ and database)', () => {
  it('stores relevant claims with offsets, entities, dates, quantities and model provenance; re-running changes nothing', async () => {
    const document = await buildDocument(t.db, { text, title: 'Việt Nam – Hàn Quốc', lang: null });
    await enqueue(document);
    const classification = await waitFor(async () => getClassification(t.db, document.id));
    const active = await classifier.models.current();
    expect(classification).toMatchObject({ lang: 'vi', model_set: active.modelSet });
    expect((await getDocument(t.db, document.id))?.status).toBe('classified');

    const claims = await listClaimsForDocument(t.db, document.id);
    expect(claims.map((c) => c.text)).toEqual([
      'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao ngày 22/12/1992.',
      'Kim ngạch thương mại Việt Nam – Hàn Quốc năm 2024 đạt 86,4 tỷ USD.',
    ]);
    for (const c of claims) {
      expect(text.slice(c.start_offset, c.end_offset)).toBe(c.text);
      expect(c).toMatchObject({
        model_id: DEFAULT_CHECKWORTHY_MODEL_ID,
        model_revision: active.checkworthiness.model.revision,
      });
    }
    const [relations, figure] = claims;
    expect(relations).toMatchObject({ claim_type: 'relations_established' });
    expect(relations!.entities).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'VN', kind: 'country', surface: 'Việt Nam' })]),
    );
    expect(relations!.dates).toEqual([expect.objectContaining({ value: '1992-12-22', precision: 'day' })]);
    expect(figure).toMatchObject({ claim_type: 'figure' });
    expect(figure!.quantities).toEqual([
      expect.objectContaining({ value: 86.4e9, unit: 'USD', kind: 'money' }),
    ]);
    expect(figure!.checkworthiness).toBeGreaterThan(active.checkworthiness.threshold);

    await waitFor(async () => ((await completed('verify')) > 0 ? true : undefined));
    const flagsBefore = await listFlagsForDocument(t.db, document.id);

    // The same document again (a retry after a crash, or a duplicate job) keeps the same rows.
    const classified = await completed('classify');
    await enqueue(document, 'again');
    await waitFor(async () => ((await completed('classify')) > classified ? true : undefined));
    const again = await listClaimsForDocument(t.db, document.id);
    expect(again.map((c) => [c.id, c.checkworthiness])).toEqual(claims.map((c) => [c.id, c.checkworthiness]));
    expect((await listFlagsForDocument(t.db, document.id)).map((f) => f.id)).toEqual(
      flagsBefore.map((f) => f.id),
    );
  });

  it('drops a result when the active models changed while the job ran', async () => {
    const document = await buildDocument(t.db, { text, lang: null });
    const base = await loadActiveModels(
      { checkworthyModel: undefined, embeddingModel: undefined, modelBatchSize: 8 },
      { modelsDir },
    );
    let calls = 0;
    const changing: ModelState = {
      current: async () => (calls++ === 0 ? base : { ...base, modelSet: `${base.modelSet}+changed` }),
      refresh: async () => false,
    };
    await handleClassify({ db: t.db, queues, gazetteer, models: changing })(
      { documentId: document.id, contentHash: document.content_hash.slice(0, 16) },
      { jobId: 'test', attempt: 1, logger },
    );
    expect(await getClassification(t.db, document.id)).toBeUndefined();
    expect(await listClaimsForDocument(t.db, document.id)).toEqual([]);
    expect((await getDocument(t.db, document.id))?.status).toBe('extracted');
  });

  it('re-classifies stored documents when a new model revision is installed', async () => {
    const document = await buildDocument(t.db, { text, lang: null });
    await enqueue(document);
    const before = await waitFor(async () => getClassification(t.db, document.id));
    const oldSet = before.model_set;

    // An operator installs a new revision of the check-worthiness model into the models directory.
    const dir = path.join(modelsDir, DEFAULT_CHECKWORTHY_MODEL_ID);
    cpSync(path.join(BUILT_IN_MODELS_DIR, DEFAULT_CHECKWORTHY_MODEL_ID), dir, { recursive: true });
    const model = loadLinearModel(dir);
    const { files: _files, revision: _revision, format: _format, ...rest } = readManifest(dir);
    const installed = await saveLinearModel(
      dir,
      { config: { ...model.config, bias: model.config.bias + 0.25 }, weights: model.weights },
      rest,
    );

    expect(await classifier.refreshModels()).toBe(true);
    const after = await waitFor(async () => {
      const c = await getClassification(t.db, document.id);
      return c && c.model_set !== oldSet ? c : undefined;
    });
    expect(after.model_set).toContain(`${DEFAULT_CHECKWORTHY_MODEL_ID}@${installed.revision}`);
    const claims = await waitFor(async () => {
      const rows = await listClaimsForDocument(t.db, document.id);
      return rows.length > 0 && rows.every((c) => c.model_revision === installed.revision) ? rows : undefined;
    });
    expect(claims).toHaveLength(2);
    // Nothing is queued again once every document carries the new model set.
    expect(await classifier.refreshModels()).toBe(false);
  });
});
