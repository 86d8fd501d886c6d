import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handMadeRanker } from '../../testing/rankers.ts';
import { DENSE_RANKED_FEATURES } from './dense-rerank.ts';
import {
  MATCH_RANKER_ID,
  type RankerFile,
  readInstalledRanker,
  writeInstalledRanker,
} from './installed-ranker.ts';
import { FEATURE_NAMES } from './rank-features.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cw-ranker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linear = (features: readonly string[]) => handMadeRanker(features, (_, i) => i / 10);

const file = (dense: readonly string[]): RankerFile => ({
  id: MATCH_RANKER_ID,
  revision: '2026-11-23',
  ranker: linear(FEATURE_NAMES),
  dense: {
    embedding: { id: 'universal-sentence-encoder-lite-en', revision: 'd65e0f34540f' },
    languages: ['en'],
    ranker: linear(dense),
  },
  training: {},
});

describe('installed match ranker', () => {
  it('keeps the dense ranker with the embedding model it was trained on', () => {
    const modelsDir = path.join(dir, 'ok');
    expect(readInstalledRanker(modelsDir)).toBeUndefined();
    writeInstalledRanker(modelsDir, file(DENSE_RANKED_FEATURES));
    const read = readInstalledRanker(modelsDir);
    expect(read?.dense?.embedding).toEqual({
      id: 'universal-sentence-encoder-lite-en',
      revision: 'd65e0f34540f',
    });
    expect(read?.dense?.ranker.features).toEqual(DENSE_RANKED_FEATURES);
  });

  it('refuses a dense ranker trained on other features', () => {
    const modelsDir = path.join(dir, 'stale');
    writeInstalledRanker(modelsDir, file(FEATURE_NAMES));
    expect(() => readInstalledRanker(modelsDir)).toThrow(/trained on other features/);
  });
});
