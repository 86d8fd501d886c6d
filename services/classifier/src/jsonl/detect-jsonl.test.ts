import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGazetteer } from '../detect/gazetteer/gazetteer.ts';
import { loadBuiltInActiveModels } from '../models/built-in.ts';
import { checkworthyJsonl } from './checkworthy-jsonl.ts';
import { detectJsonl } from './detect-jsonl.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cw-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gazetteer = buildGazetteer([
  { id: 'VN', kind: 'country', surface: 'Việt Nam', lang: 'vi' },
  { id: 'VN', kind: 'country', surface: 'Vietnam', lang: 'en' },
  { id: 'KR', kind: 'country', surface: 'Hàn Quốc', lang: 'vi' },
  { id: 'JP', kind: 'country', surface: 'Japan', lang: 'en' },
  { id: 'agreement', kind: 'term', surface: 'agreement', lang: 'en', category: 'agreement' },
]);
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('JSON-lines interfaces', () => {
  it('detect: one line per document in order, claims with offsets, types, dates, quantities and models', async () => {
    const input = path.join(dir, 'docs.jsonl');
    writeFileSync(
      input,
      [
        {
          id: 'a',
          text: 'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao ngày 22/12/1992. Trời nắng đẹp.',
        },
        {
          id: 7,
          text: 'Heavy rain is expected in Hanoi this weekend, forecasters said.',
          title: 'Weather',
          url: 'https://example.org/w',
        },
        { id: 'c', text: 'Vietnam and Japan signed an agreement worth $3.5bn on 8 August 2025.', lang: 'en' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const output = path.join(dir, 'out.jsonl');
    const models = await loadBuiltInActiveModels();
    expect(await detectJsonl(input, output, gazetteer, models)).toEqual({
      documents: 3,
      claims: 2,
      errors: 0,
    });
    const [a, b, c] = lines(output);
    expect(a).toMatchObject({ id: 'a', lang: 'vi', claims: [{ start: 0, type: 'relations_established' }] });
    expect(a.claims[0].dates).toEqual([expect.objectContaining({ value: '1992-12-22' })]);
    expect(b).toMatchObject({ id: '7', lang: 'en', relevance: 0, claims: [] });
    expect(c.claims[0]).toMatchObject({ type: 'agreement_signed' });
    expect(c.claims[0].quantities).toEqual([expect.objectContaining({ value: 3.5e9, unit: 'USD' })]);
    expect(c.models.map((m: { id: string }) => m.id)).toContain('claimwatch-checkworthy-vi-en');
    for (const d of [a, c]) for (const claim of d.claims) expect(typeof claim.checkworthiness).toBe('number');
  });

  it('checkworthy: {id,score,label} per input line', async () => {
    const input = path.join(dir, 'sentences.jsonl');
    writeFileSync(
      input,
      [
        '{"id":"1","text":"Kim ngạch thương mại Việt Nam – Hàn Quốc năm 2024 đạt 86,4 tỷ USD.","lang":"vi"}',
        '',
        '{"id":"2","text":"Hai bên đã trao đổi ý kiến về các vấn đề cùng quan tâm."}',
      ].join('\n'),
    );
    const output = path.join(dir, 'scores.jsonl');
    const models = await loadBuiltInActiveModels();
    await checkworthyJsonl(input, output, models.checkworthiness);
    const [yes, no] = lines(output);
    expect(yes).toMatchObject({ id: '1', label: 'Yes' });
    expect(no).toMatchObject({ id: '2', label: 'No' });
    expect(yes.score).toBeGreaterThan(no.score);
  });

  it('answers a malformed line with an error in its place and scores the others', async () => {
    const input = path.join(dir, 'bad.jsonl');
    writeFileSync(input, '{"id":"1","text":"ok"}\n{"id":"2"}\nnot json\n{"id":"4","text":"Việt Nam"}\n');
    const models = await loadBuiltInActiveModels();
    const output = path.join(dir, 'x.jsonl');
    expect(await checkworthyJsonl(input, output, models.checkworthiness)).toMatchObject({
      count: 4,
      errors: 2,
    });
    const [first, missingText, notJson, last] = lines(output);
    expect(first).toMatchObject({ id: '1', label: expect.stringMatching(/^(Yes|No)$/) });
    expect(missingText).toEqual({ id: '2', error: expect.stringMatching(/^line 2: text:/) });
    expect(notJson).toEqual({ id: null, error: 'line 3: not JSON' });
    expect(last).toMatchObject({ id: '4', score: expect.any(Number) });

    const detected = path.join(dir, 'detected.jsonl');
    expect(await detectJsonl(input, detected, gazetteer, models)).toMatchObject({ documents: 4, errors: 2 });
    expect(lines(detected).map((l) => ('error' in l ? 'error' : l.id))).toEqual(['1', 'error', 'error', '4']);
  });
});
