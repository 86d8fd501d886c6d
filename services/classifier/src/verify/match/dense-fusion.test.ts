import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importModel } from '../../models/install-model.ts';
import { FIXTURE_MODELS_DIR } from '../../models/testing/hub-mirror.ts';
import { loadEmbedder } from '../../models/transformers-runtime.ts';
import { denseTop, fuseRankings, RRF_K } from './dense-fusion.ts';
import { matchJsonl } from './match-jsonl.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cw-dense-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuseRankings', () => {
  it('adds reciprocal ranks, so agreement between lists beats one list alone', () => {
    const fused = fuseRankings([
      ['a', 'b', 'c'],
      ['b', 'd', 'a'],
    ]);
    expect(fused.map((f) => f.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1), 12);
    expect(fused.at(-1)!.score).toBeCloseTo(1 / (RRF_K + 3), 12);
  });
});

describe('denseTop', () => {
  it('orders references by cosine with the query', () => {
    const index = {
      model: { id: 'm', revision: '1' },
      vectors: [Float32Array.of(1, 0), Float32Array.of(0.6, 0.8), Float32Array.of(0, 1)],
    };
    expect(denseTop(index, Float32Array.of(0, 1), 2)).toEqual([
      { doc: 2, score: 1 },
      { doc: 1, score: expect.closeTo(0.8, 6) },
    ]);
  });
});

// The fixture's weights are random: this proves the plumbing (embedding, fusion, output), never quality.
describe('claimwatch match with an embedding model', () => {
  it('fuses the dense ranking with the lexical one and still answers every query', async () => {
    const modelsDir = path.join(dir, 'models');
    const embedder = await loadEmbedder(
      await importModel(path.join(FIXTURE_MODELS_DIR, 'tiny-random-bert'), { modelsDir }),
      { modelsDir, batchSize: 4 },
    );
    const refs = path.join(dir, 'refs.jsonl');
    const queries = path.join(dir, 'q.jsonl');
    const out = path.join(dir, 'out.jsonl');
    writeFileSync(
      refs,
      [
        'A shark swam down a flooded highway',
        'The Eiffel Tower was painted pink',
        'Vaccines contain microchips',
      ]
        .map((text, i) => JSON.stringify({ id: `r${i}`, text }))
        .join('\n'),
    );
    writeFileSync(
      queries,
      [JSON.stringify({ id: 'q1', text: 'shark on the flooded highway' }), '{bad'].join('\n'),
    );
    expect(
      await matchJsonl({
        indexFile: refs,
        queriesFile: queries,
        outFile: out,
        k: 3,
        embedding: { embedder, languages: [] },
      }),
    ).toEqual({
      references: 3,
      queries: 1,
      errors: 1,
    });
    const [answer, error] = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // The dense list holds every reference, so the fused list has all three, best first; the lexical
    // winner is ranked first by BM25 and at worst third by the random dense model.
    expect(answer.results.map((r: { id: string }) => r.id).sort()).toEqual(['r0', 'r1', 'r2']);
    const scores = answer.results.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(answer.results.find((r: { id: string }) => r.id === 'r0').score).toBeGreaterThanOrEqual(
      Number((1 / (RRF_K + 1) + 1 / (RRF_K + 3)).toFixed(6)),
    );
    expect(error.error).toMatch(/not JSON/);
  });
});
