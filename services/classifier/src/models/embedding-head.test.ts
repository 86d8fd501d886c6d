import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trainCheckworthiness } from '../train/train-checkworthiness.ts';
import { loadActiveModels } from './active-models.ts';
import { importModel } from './install-model.ts';
import { FIXTURE_MODELS_DIR } from './testing/hub-mirror.ts';
import { loadEmbedder } from './transformers-runtime.ts';

const modelsDir = mkdtempSync(path.join(tmpdir(), 'cw-head-'));
afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

// The fixture's weights are random: this proves the wiring (training, manifest, selection, provenance),
// never quality.
describe('check-worthiness head on an operator embedding model', () => {
  it('is trained on the embeddings, recorded with its base model, and chosen when the embedding model is configured', async () => {
    const embedding = await importModel(path.join(FIXTURE_MODELS_DIR, 'tiny-random-bert'), { modelsDir });
    const embedder = await loadEmbedder(embedding, { modelsDir, batchSize: 16 });
    const report = await trainCheckworthiness({
      data: 'claims-vi-en',
      sharedDataDir: modelsDir,
      modelsDir,
      embedder,
      cGrid: [1],
    });
    expect(report.manifest).toMatchObject({
      id: 'claimwatch-checkworthy-vi-en-head-tiny-random-bert',
      baseModel: { id: 'tiny-random-bert', revision: embedding.manifest.revision },
      task: 'checkworthiness',
    });
    expect(report.dir.startsWith(modelsDir)).toBe(true);

    const active = await loadActiveModels(
      { checkworthyModel: undefined, embeddingModel: 'tiny-random-bert', modelBatchSize: 16 },
      { modelsDir },
    );
    expect(active.checkworthiness.model).toEqual({
      id: report.manifest.id,
      revision: report.manifest.revision,
    });
    expect(active.modelSet).toContain(`tiny-random-bert@${embedding.manifest.revision}`);
    const scores = await active.checkworthiness.score(['Việt Nam và Hàn Quốc', 'the and is not']);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    for (const s of scores) expect(s).toBeLessThanOrEqual(1);

    // Without the embedding model configured, the built-in hashed model runs.
    const plain = await loadActiveModels(
      { checkworthyModel: undefined, embeddingModel: undefined, modelBatchSize: 16 },
      { modelsDir },
    );
    expect(plain.checkworthiness.model.id).toBe('claimwatch-checkworthy-vi-en');
  });
});
