import { describe, expect, it } from 'vitest';
import { Bm25Index, topK } from './bm25-index.ts';

describe('Bm25Index', () => {
  const docs = [
    ['cat', 'sat', 'mat'],
    ['dog', 'sat', 'log'],
    ['cat', 'cat', 'dog', 'purr', 'mat', 'rug'],
  ];
  const index = new Bm25Index(docs);

  it('scores documents containing rarer query terms higher, and compares single documents alike', () => {
    const scores = new Float32Array(index.size);
    const touched: number[] = [];
    const q = index.prepare(['cat', 'mat', 'unseen']);
    index.scoreAll(q, scores, touched);
    expect(touched.sort()).toEqual([0, 2]);
    expect(scores[1]).toBe(0);
    for (const d of [0, 2]) expect(index.compare(q, d).bm25).toBeCloseTo(scores[d]!, 5);
    expect(topK(scores, touched, 1)).toEqual([0]);
    expect(index.idf('sat')).toBeLessThan(index.idf('purr'));
  });

  it('reports how much of the document and the query the two share', () => {
    const q = index.prepare(['cat', 'sat', 'mat']);
    expect(index.compare(q, 0).docCoverage).toBeCloseTo(1, 6);
    expect(index.compare(q, 0).queryCoverage).toBeCloseTo(1, 6);
    const partial = index.compare(q, 1);
    expect(partial.docCoverage).toBeGreaterThan(0);
    expect(partial.docCoverage).toBeLessThan(0.5);
  });
});
