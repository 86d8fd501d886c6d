import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importModel } from '../../models/install-model.ts';
import { LEXICAL_NLI_ID, trainLexicalNli, writeLexicalNli } from './lexical-nli.ts';
import { loadNli, nliJsonl } from './nli-jsonl.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/models');
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const pairs = [
  {
    id: 'a',
    premise: 'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao năm 1992.',
    hypothesis: 'Quan hệ có từ năm 1995.',
  },
  { id: 2, premise: 'Vietnam joined ASEAN in 1995.', hypothesis: 'Vietnam is a member of ASEAN.' },
  { id: 'c', premise: 'Vietnam joined ASEAN in 1995.', hypothesis: 'It rained in Hanoi.' },
];

async function run(modelsDir: string, model?: string) {
  const dir = tempDir('cw-nli-io-');
  const inFile = path.join(dir, 'in.jsonl');
  const outFile = path.join(dir, 'out.jsonl');
  writeFileSync(inFile, `${pairs.map((p) => JSON.stringify(p)).join('\n')}\n`);
  const nli = await loadNli(modelsDir, model);
  expect(await nliJsonl(inFile, outFile, nli)).toEqual({ pairs: 3 });
  return {
    nli,
    lines: readFileSync(outFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; label: string; scores: Record<string, number> }),
  };
}

const expectWellFormed = (lines: { id: string; label: string; scores: Record<string, number> }[]) => {
  expect(lines.map((l) => l.id)).toEqual(['a', '2', 'c']);
  for (const l of lines) {
    expect(Object.keys(l.scores).sort()).toEqual(['contradiction', 'entailment', 'neutral']);
    expect(Object.values(l.scores).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
    const best = Object.entries(l.scores).sort((x, y) => y[1] - x[1])[0]![0];
    expect(l.label).toBe(best);
  }
};

describe('claimwatch nli', () => {
  it('runs pairs through a transformers.js sequence-classification model with text_pair (synthetic fixture: plumbing only)', async () => {
    const modelsDir = tempDir('cw-nli-models-');
    await importModel(path.join(fixtures, 'tiny-random-bert-nli'), { modelsDir, dtype: 'fp32' });
    const { nli, lines } = await run(modelsDir, 'tiny-random-bert-nli');
    expect(nli.model.id).toBe('tiny-random-bert-nli');
    expectWellFormed(lines);
    // The pair is really passed: the same premise with another hypothesis scores differently.
    expect(lines[1]!.scores).not.toEqual(lines[2]!.scores);
  }, 60_000);

  it('falls back to the project-trained lexical model, and says how to get one when none is installed', async () => {
    const modelsDir = tempDir('cw-nli-lexical-');
    await expect(loadNli(modelsDir)).rejects.toMatchObject({ code: 'model_missing' });
    const model = trainLexicalNli(
      [
        {
          premise: 'The treaty was signed in 1999.',
          hypothesis: 'The treaty was signed.',
          label: 'entailment',
        },
        {
          premise: 'The treaty was signed in 1999.',
          hypothesis: 'The treaty was not signed.',
          label: 'contradiction',
        },
        {
          premise: 'The treaty was signed in 1999.',
          hypothesis: 'Many people liked the ceremony.',
          label: 'neutral',
        },
        { premise: 'Hiệp ước được ký năm 1999.', hypothesis: 'Hiệp ước đã được ký.', label: 'entailment' },
        {
          premise: 'Hiệp ước được ký năm 1999.',
          hypothesis: 'Hiệp ước không được ký.',
          label: 'contradiction',
        },
        { premise: 'Hiệp ước được ký năm 1999.', hypothesis: 'Nhiều người thích buổi lễ.', label: 'neutral' },
      ],
      { epochs: 30 },
    );
    writeLexicalNli(modelsDir, model);
    const { nli, lines } = await run(modelsDir);
    expect(nli.model.id).toBe(LEXICAL_NLI_ID);
    expectWellFormed(lines);
    const [negated] = await nli.classify([
      { premise: 'The border treaty was signed.', hypothesis: 'The border treaty was not signed.' },
    ]);
    expect(negated!.contradiction).toBeGreaterThan(negated!.entailment);
  });
});
