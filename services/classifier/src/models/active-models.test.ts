import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKWORTHY_MODEL_ID, loadActiveModels } from './active-models.ts';

const modelsDir = mkdtempSync(path.join(tmpdir(), 'cw-models-'));
afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

describe('active models on a fresh clone (built-in model only)', () => {
  it('loads the committed check-worthiness model, names it in the model set, and separates claims from filler', async () => {
    const active = await loadActiveModels(
      { checkworthyModel: undefined, embeddingModel: undefined, modelBatchSize: 8 },
      { modelsDir },
    );
    expect(active.checkworthiness.model.id).toBe(DEFAULT_CHECKWORTHY_MODEL_ID);
    expect(active.modelSet).toContain(
      `${DEFAULT_CHECKWORTHY_MODEL_ID}@${active.checkworthiness.model.revision}`,
    );
    const [claim, filler] = await active.checkworthiness.score([
      'Kim ngạch thương mại Việt Nam – Hàn Quốc năm 2024 đạt 86,4 tỷ USD.',
      'Hai bên đã trao đổi ý kiến về các vấn đề quốc tế và khu vực cùng quan tâm.',
    ]);
    expect(claim).toBeGreaterThan(active.checkworthiness.threshold);
    expect(filler).toBeLessThan(active.checkworthiness.threshold);
  });
});
