import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handMadeRanker } from '../../testing/rankers.ts';
import { DENSE_RANKED_FEATURES } from './dense-rerank.ts';
import { MATCH_RANKER_ID, writeInstalledRanker } from './installed-ranker.ts';
import { loadMatchModels } from './match-models.ts';
import { FEATURE_NAMES } from './rank-features.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cw-match-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linear = (features: readonly string[]) => handMadeRanker(features, () => 0.1);
const USE = 'universal-sentence-encoder-lite-en';

/** A models directory whose ranker's dense part was trained with `embedding`. */
function modelsDirWith(name: string, embedding: { id: string; revision: string }): string {
  const modelsDir = path.join(dir, name);
  writeInstalledRanker(modelsDir, {
    id: MATCH_RANKER_ID,
    revision: 'test',
    ranker: linear(FEATURE_NAMES),
    dense: { embedding, languages: ['en'], ranker: linear(DENSE_RANKED_FEATURES) },
    training: {},
  });
  return modelsDir;
}
const choice = { batchSize: 8, rerank: true, dense: true };

describe('loadMatchModels', () => {
  it('loads the embedding model the ranker was trained with, and its dense ranker', async () => {
    const modelsDir = modelsDirWith('same', { id: USE, revision: 'd65e0f34540f' });
    const m = await loadMatchModels({ ...choice, modelsDir });
    expect(m.embedding?.embedder.model).toEqual({ id: USE, revision: 'd65e0f34540f' });
    expect(m.embedding?.languages).toEqual(['en']);
    expect(m.denseRanker?.features).toEqual(DENSE_RANKED_FEATURES);
    expect(m.notes).toEqual([]);
    const off = await loadMatchModels({ ...choice, modelsDir, dense: false });
    expect(off.embedding).toBeUndefined();
    expect(off.denseRanker).toBeUndefined();
    expect(off.ranker?.features).toEqual(FEATURE_NAMES);
  });

  it('drops only the dense part when the ranker names a model that is not installed', async () => {
    const modelsDir = modelsDirWith('missing', { id: 'gone/encoder', revision: '1' });
    const m = await loadMatchModels({ ...choice, modelsDir });
    expect(m.ranker?.features).toEqual(FEATURE_NAMES);
    expect(m.embedding).toBeUndefined();
    expect(m.denseRanker).toBeUndefined();
    expect(m.notes.join()).toMatch(/gone\/encoder .* not installed/);
  });

  it('fuses instead of re-ranking with a model of another revision, and refuses a model asked for by name that is missing', async () => {
    const modelsDir = modelsDirWith('other', { id: USE, revision: 'older' });
    const m = await loadMatchModels({ ...choice, modelsDir });
    expect(m.embedding?.embedder.model.id).toBe(USE);
    expect(m.denseRanker).toBeUndefined();
    expect(m.notes.join()).toMatch(/fused instead/);
    await expect(loadMatchModels({ ...choice, modelsDir, embeddingId: 'gone/encoder' })).rejects.toThrow(
      /not installed/,
    );
  });
});
