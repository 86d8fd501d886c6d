import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../models/registry.ts';
import { type Embedder, loadEmbedder } from '../../models/transformers-runtime.ts';
import { handMadeRanker } from '../../testing/rankers.ts';
import { embedReferences } from './dense-fusion.ts';
import {
  appendDenseFeatures,
  DENSE_FEATURE_NAMES,
  DENSE_RANKED_FEATURES,
  scoreDense,
  withDenseCandidates,
} from './dense-rerank.ts';
import { matchJsonl } from './match-jsonl.ts';
import { createMatcher } from './match-references.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cw-dense-rerank-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unit = (...v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v, (x) => x / n);
};
const denseIndex = {
  model: { id: 'm', revision: '1' },
  vectors: [unit(1, 0), unit(0.6, 0.8), unit(0, 1), unit(-1, 0)],
};

describe('dense candidates and features', () => {
  const scores = scoreDense(denseIndex, unit(0, 1));

  it('ranks every reference by cosine with the query', () => {
    expect([...scores.rankOf]).toEqual([
      [2, 0],
      [1, 1],
      [0, 2],
      [3, 3],
    ]);
    expect(scores.cosines[1]).toBeCloseTo(0.8, 6);
  });

  it('adds the nearest references the lexical stage missed, after its own candidates', () => {
    const lexical = { docs: [3, 1], scores: [2.5, 1.0] };
    expect(withDenseCandidates(lexical, scores, 2)).toEqual({ docs: [3, 1, 2], scores: [2.5, 1.0, 0] });
    expect(withDenseCandidates(lexical, scores, 3)).toEqual({
      docs: [3, 1, 2, 0],
      scores: [2.5, 1.0, 0, 0],
    });
    expect(lexical.docs).toEqual([3, 1]);
  });

  it('appends cosine, gap to the best candidate, reciprocal rank and log rank to each row', () => {
    const rows = appendDenseFeatures([Float64Array.of(7), Float64Array.of(8)], [1, 3], scores);
    expect(rows[0]).toHaveLength(1 + DENSE_FEATURE_NAMES.length);
    expect(rows[0]![0]).toBe(7);
    expect([...rows[0]!.slice(1)].map((v) => Number(v.toFixed(6)))).toEqual([
      0.8,
      0,
      0.5,
      Number(Math.log(2).toFixed(6)),
    ]);
    expect([...rows[1]!.slice(1)].map((v) => Number(v.toFixed(6)))).toEqual([
      0,
      -0.8,
      0.25,
      Number(Math.log(4).toFixed(6)),
    ]);
  });
});

/** A ranker that trusts only the embedding model's cosine: isolates the dense path from the lexical one. */
const cosineOnly = handMadeRanker(DENSE_RANKED_FEATURES, (f) => (f === 'dense_cos' ? 1 : 0));

const references = [
  { id: 'doctor', text: 'A physician handed the patient a prescription drug.' },
  { id: 'koala', text: 'Koalas are functionally extinct after the bushfires in Australia.' },
  { id: 'flag', text: 'Protesters burned the national flag outside the embassy.' },
];
// No word in common with the "doctor" reference: only a sentence-embedding model connects them.
const paraphrase = 'The doctor gave medicine to the sick man';

// The real Universal Sentence Encoder lite (built in, from its npm package): English only.
describe('matching with a sentence-embedding model', () => {
  let embedder: Embedder;
  let languages: string[];
  beforeAll(async () => {
    const model = findModel({ modelsDir: path.join(dir, 'models') }, 'universal-sentence-encoder-lite-en');
    languages = model.manifest.languages;
    embedder = await loadEmbedder(model, { modelsDir: path.join(dir, 'models'), batchSize: 8 });
  });

  it('finds a reference worded with other words when the query comes with its vector', async () => {
    const index = await embedReferences(references, embedder);
    const matcher = createMatcher(references, { dense: { index, ranker: cosineOnly } });
    expect(matcher.match(paraphrase, 3).map((m) => m.id)).not.toContain('doctor');
    const [vector] = await embedder.embed([paraphrase]);
    const found = matcher.match(paraphrase, 3, { vector });
    expect(found[0]?.id).toBe('doctor');
    expect(found[0]?.lexical).toBe(0);
  });

  it('claimwatch match uses the dense ranker only for queries in the model languages', async () => {
    expect(languages).toEqual(['en']);
    const refs = path.join(dir, 'refs.jsonl');
    const queries = path.join(dir, 'queries.jsonl');
    const out = path.join(dir, 'out.jsonl');
    writeFileSync(refs, references.map((r) => JSON.stringify(r)).join('\n'));
    writeFileSync(
      queries,
      [
        { id: 'identified', text: paraphrase },
        { id: 'declared-en', text: paraphrase, lang: 'en' },
        { id: 'declared-vi', text: paraphrase, lang: 'vi' },
      ]
        .map((q) => JSON.stringify(q))
        .join('\n'),
    );
    await matchJsonl({
      indexFile: refs,
      queriesFile: queries,
      outFile: out,
      k: 3,
      embedding: { embedder, languages },
      denseRanker: cosineOnly,
    });
    const results = Object.fromEntries(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { query_id: string; results: { id: string }[] })
        .map((r) => [r.query_id, r.results.map((x) => x.id)]),
    );
    expect(results.identified?.[0]).toBe('doctor');
    expect(results['declared-en']?.[0]).toBe('doctor');
    expect(results['declared-vi']).not.toContain('doctor');
  });
});
