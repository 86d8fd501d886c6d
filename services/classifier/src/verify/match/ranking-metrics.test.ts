import { describe, expect, it } from 'vitest';
import { averagePrecisionAt, reciprocalRank, scoreRanking } from './ranking-metrics.ts';

describe('ranking metrics', () => {
  it('computes AP@k the trec_eval way', () => {
    const relevant = new Set(['a', 'b']);
    expect(averagePrecisionAt(['a', 'x', 'b'], relevant, 5)).toBeCloseTo((1 + 2 / 3) / 2, 10);
    expect(averagePrecisionAt(['x', 'a'], relevant, 1)).toBe(0);
    expect(reciprocalRank(['x', 'y', 'a'], relevant)).toBeCloseTo(1 / 3, 10);
  });

  it('averages over judged queries and counts a missing query as zero', () => {
    const qrels = new Map([
      ['q1', new Set(['a'])],
      ['q2', new Set(['b'])],
    ]);
    const s = scoreRanking(new Map([['q1', ['a']]]), qrels);
    expect(s.queries).toBe(2);
    expect(s['MAP@5']).toBe(0.5);
    expect(s['Recall@10']).toBe(0.5);
  });
});
