import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifest, verifyModelFiles } from '../manifest.ts';
import { DEFAULT_FEATURE_SPEC, featurize, structuralMarkers } from './hashed-features.ts';
import { loadLinearModel, saveLinearModel, scoreText } from './linear-model.ts';
import { trainLogistic } from './train-logistic.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cw-linear-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const spec = { ...DEFAULT_FEATURE_SPEC, bits: 14 };
const positives = [
  'Trade reached 8.67 billion USD in 2024.',
  'Vietnam joined ASEAN on 28 July 1995.',
  'Kim ngạch đạt 476,8 triệu USD năm 2023.',
  'Hai nước thiết lập quan hệ ngoại giao ngày 22/12/1992.',
  'Exports rose 12% in the first quarter of 2025.',
  'The agreement was signed on 8 August 2025 in Hanoi.',
];
const negatives = [
  'I think this is a great idea.',
  'What do you want to talk about?',
  'Hai bên trao đổi ý kiến về các vấn đề cùng quan tâm.',
  'Thank you very much for coming.',
  'Chúc mừng năm mới!',
  'We will keep working together.',
];

describe('hashed features', () => {
  it('are deterministic, unit-normalised per block, and fold diacritics in character n-grams', () => {
    const a = featurize('Việt Nam và Hàn Quốc', spec);
    const b = featurize('Việt Nam và Hàn Quốc', spec);
    expect([...a.indices]).toEqual([...b.indices]);
    expect([...a.values]).toEqual([...b.values]);
    const folded = featurize('Viet Nam va Han Quoc', spec);
    const shared = [...folded.indices].filter((i) => a.indices.includes(i)).length;
    expect(shared / folded.indices.length).toBeGreaterThan(0.5);
  });

  it('marks numbers, years, money, dates, quotes and questions', () => {
    expect(structuralMarkers('Kim ngạch đạt 8,67 tỷ USD năm 2024.')).toEqual(
      expect.arrayContaining(['__num', '__year', '__money']),
    );
    expect(structuralMarkers('Ký ngày 8/8/2025.')).toContain('__date');
    expect(structuralMarkers('Is it true?')).toContain('__question');
    expect(structuralMarkers('“Không chấp nhận”, ông nói.')).toContain('__quote');
  });
});

describe('logistic model', () => {
  it('learns a separable toy task, round-trips through its files and derives the revision from its bytes', async () => {
    const texts = [...positives, ...negatives];
    const rows = texts.map((t) => featurize(t, spec));
    const labels = texts.map((_, i) => (i < positives.length ? 1 : 0));
    const fit = trainLogistic(rows, labels, 1 << spec.bits, { c: 10, balanced: true });
    const again = trainLogistic(rows, labels, 1 << spec.bits, { c: 10, balanced: true });
    expect(again.bias).toBe(fit.bias);
    const config = { input: 'text' as const, features: spec, dimension: 1 << spec.bits, bias: fit.bias };
    const manifestBase = {
      id: 'toy',
      task: 'checkworthiness' as const,
      languages: ['en'],
      thresholds: { yes: 0.5 },
    };
    const dir = tempDir();
    const manifest = await saveLinearModel(dir, { config, weights: fit.weights }, manifestBase);
    const second = await saveLinearModel(tempDir(), { config, weights: again.weights }, manifestBase);
    expect(second.revision).toBe(manifest.revision);
    expect(readManifest(dir)).toEqual(manifest);

    const model = loadLinearModel(dir);
    for (const t of positives) expect(scoreText(model, t)).toBeGreaterThan(0.5);
    for (const t of negatives) expect(scoreText(model, t)).toBeLessThan(0.5);
    expect((await verifyModelFiles(dir, manifest)).every((c) => c.status === 'ok')).toBe(true);

    writeFileSync(path.join(dir, 'weights.bin'), Buffer.from([0, 0, 0, 0]));
    const checks = await verifyModelFiles(dir, manifest);
    expect(checks.find((c) => c.file === 'weights.bin')?.status).toBe('mismatch');
  });
});
