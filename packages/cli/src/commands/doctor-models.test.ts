import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@claimwatch/shared/config';
import { afterAll, describe, expect, it } from 'vitest';
import { checkModels } from './doctor.command.ts';

const modelsDir = mkdtempSync(path.join(tmpdir(), 'cw-doctor-'));
afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

describe('doctor: models', () => {
  it('passes with the built-in models and names the shadow model when it is installed', async () => {
    const check = await checkModels(
      loadConfig({
        CLAIMWATCH_MODELS_DIR: modelsDir,
        CLASSIFIER_SHADOW_CHECKWORTHY_MODEL: 'claimwatch-checkworthy-vi-en',
      }),
    );
    expect(check.ok).toBe(true);
    expect(check.detail).toMatch(/shadow check-worthiness: claimwatch-checkworthy-vi-en@/);
  });

  it('accepts the built-in npm-packaged sentence encoder as the embedding model and verifies its files', async () => {
    const check = await checkModels(
      loadConfig({
        CLAIMWATCH_MODELS_DIR: modelsDir,
        CLASSIFIER_EMBEDDING_MODEL: 'universal-sentence-encoder-lite-en',
      }),
    );
    expect(check.ok).toBe(true);
    expect(check.detail).toMatch(/embedding: universal-sentence-encoder-lite-en@[0-9a-f]{12}/);
    // No head is trained on it: check-worthiness stays on the built-in model.
    expect(check.detail).toMatch(/check-worthiness: claimwatch-checkworthy-vi-en@/);
  });

  it('fails, saying which variable to check, when a configured model is not installed', async () => {
    const check = await checkModels(
      loadConfig({ CLAIMWATCH_MODELS_DIR: modelsDir, CLASSIFIER_SHADOW_CHECKWORTHY_MODEL: 'no-such-model' }),
    );
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/no-such-model is not installed/);
    expect(check.fix).toMatch(/CLASSIFIER_SHADOW_CHECKWORTHY_MODEL/);
  });
});
