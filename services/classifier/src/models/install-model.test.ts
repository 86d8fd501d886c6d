import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importModel, pullModel } from './install-model.ts';
import { verifyModelFiles } from './manifest.ts';
import { findModel, listInstalledModels } from './registry.ts';
import { FIXTURE_MODELS_DIR, type HubMirror, startHubMirror } from './testing/hub-mirror.ts';
import { loadEmbedder, loadPairClassifier } from './transformers-runtime.ts';

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
let mirror: HubMirror;
let brokenMirror: HubMirror;

beforeAll(async () => {
  mirror = await startHubMirror(FIXTURE_MODELS_DIR);
  brokenMirror = await startHubMirror(FIXTURE_MODELS_DIR, {
    corrupt: { model: 'tiny-random-bert', file: 'onnx/model_quantized.onnx' },
  });
});
afterAll(async () => {
  await mirror?.close();
  await brokenMirror?.close();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('models pull (local mirror in the hub layout)', () => {
  it('downloads the quantized files, checks them against the hub listing and writes a manifest', async () => {
    const modelsDir = tempDir('cw-pull-');
    const installed = await pullModel('fixtures/tiny-random-bert', { modelsDir, hubUrl: mirror.url });
    expect(installed.manifest).toMatchObject({
      id: 'fixtures/tiny-random-bert',
      task: 'feature-extraction',
      format: 'transformers.js',
      dtype: 'q8',
    });
    expect(installed.manifest.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(Object.keys(installed.manifest.files)).toEqual([
      'config.json',
      'onnx/model_quantized.onnx',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    expect((await verifyModelFiles(installed.dir, installed.manifest)).every((c) => c.status === 'ok')).toBe(
      true,
    );
    expect(findModel({ modelsDir }, 'fixtures/tiny-random-bert').dir).toBe(installed.dir);

    // Offline load of what was pulled; batching gives the same vectors as one text at a time.
    const embedder = await loadEmbedder(installed, { modelsDir, batchSize: 2 });
    const texts = ['Việt Nam và Hàn Quốc', 'the and', 'Vietnam is not Korea at all', 'Nam'];
    const batched = await embedder.embed(texts);
    expect(batched).toHaveLength(4);
    expect(batched[0]).toHaveLength(32);
    for (const [i, text] of texts.entries()) {
      const [single] = await embedder.embed([text]);
      for (let k = 0; k < 32; k++) expect(batched[i]![k]).toBeCloseTo(single![k]!, 4);
    }
    expect(embedder.model).toEqual({
      id: 'fixtures/tiny-random-bert',
      revision: installed.manifest.revision,
    });
    // One loaded instance per model per process.
    expect(await loadEmbedder(installed, { modelsDir, batchSize: 2 })).toBe(embedder);
  });

  it('rejects a corrupted download and installs nothing', async () => {
    const modelsDir = tempDir('cw-pull-bad-');
    await expect(
      pullModel('fixtures/tiny-random-bert', { modelsDir, hubUrl: brokenMirror.url }),
    ).rejects.toMatchObject({
      code: 'model_corrupt',
    });
    expect(listInstalledModels({ modelsDir, builtInDir: modelsDir })).toEqual([]);
    expect(readdirSync(modelsDir)).toEqual([]);
  });

  it('fails clearly for a model the hub does not have', async () => {
    await expect(
      pullModel('fixtures/no-such-model', { modelsDir: tempDir('cw-pull-404-'), hubUrl: mirror.url }),
    ).rejects.toMatchObject({ code: 'model_missing' });
  });

  it('pulls fp32 sequence-classification models and classifies pairs', async () => {
    const modelsDir = tempDir('cw-pull-nli-');
    const installed = await pullModel('fixtures/tiny-random-bert-nli', {
      modelsDir,
      hubUrl: mirror.url,
      dtype: 'fp32',
    });
    expect(installed.manifest).toMatchObject({ task: 'text-classification', dtype: 'fp32' });
    expect(Object.keys(installed.manifest.files)).toContain('onnx/model.onnx');
    const nli = await loadPairClassifier(installed, { modelsDir });
    expect(nli.labels).toEqual(['entailment', 'neutral', 'contradiction']);
    const [a, b] = await nli.classify([
      { text: 'Việt Nam và Hàn Quốc', pair: 'Vietnam and Korea' },
      { text: 'Vietnam', pair: 'the' },
    ]);
    expect(Object.values(a!).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(a).not.toEqual(b);
  });
});

describe('models import and verify', () => {
  it('imports a transformers.js folder and a tar archive, and verify catches a changed file', async () => {
    const modelsDir = tempDir('cw-import-');
    const fromDir = await importModel(path.join(FIXTURE_MODELS_DIR, 'tiny-random-bert'), { modelsDir });
    expect(fromDir.manifest).toMatchObject({
      id: 'tiny-random-bert',
      dtype: 'q8',
      task: 'feature-extraction',
    });

    const archive = path.join(tempDir('cw-tar-'), 'tiny-random-bert-nli.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', FIXTURE_MODELS_DIR, 'tiny-random-bert-nli']);
    const fromTar = await importModel(archive, { modelsDir, dtype: 'fp32' });
    expect(fromTar.manifest).toMatchObject({ id: 'tiny-random-bert-nli', task: 'text-classification' });
    expect(listInstalledModels({ modelsDir, builtInDir: modelsDir }).map((m) => m.manifest.id)).toEqual([
      'tiny-random-bert',
      'tiny-random-bert-nli',
    ]);

    writeFileSync(path.join(fromDir.dir, 'tokenizer.json'), '{}');
    const checks = await verifyModelFiles(fromDir.dir, fromDir.manifest);
    expect(checks.find((c) => c.file === 'tokenizer.json')?.status).toBe('mismatch');
    await expect(loadEmbedder(fromDir, { modelsDir })).rejects.toMatchObject({ code: 'model_corrupt' });
  });

  it('refuses a copy whose files no longer match its own manifest', async () => {
    const modelsDir = tempDir('cw-import-src-');
    const good = await importModel(path.join(FIXTURE_MODELS_DIR, 'tiny-random-bert'), { modelsDir });
    const copy = path.join(tempDir('cw-copy-'), 'tiny-random-bert');
    cpSync(good.dir, copy, { recursive: true });
    writeFileSync(path.join(copy, 'onnx/model_quantized.onnx'), 'not a model');
    const target = tempDir('cw-import-target-');
    await expect(importModel(copy, { modelsDir: target })).rejects.toMatchObject({ code: 'model_corrupt' });
    expect(existsSync(path.join(target, 'tiny-random-bert'))).toBe(false);
  });
});
