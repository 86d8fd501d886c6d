import { describe, expect, it } from 'vitest';
import { type RankingGroup, scoreRanker, trainLinearRanker } from './linear-ranker.ts';
import { scoreTrees, trainTreeRanker } from './tree-ranker.ts';

/** Deterministic pseudo-random numbers (no Math.random in tests). */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

/** Relevant = both features high: an interaction one linear model ranks worse than trees. */
function groups(seed: number, count: number): RankingGroup[] {
  const rand = lcg(seed);
  return Array.from({ length: count }, () => {
    const rows = Array.from({ length: 10 }, () => Float64Array.of(0.5 * rand(), 0.5 * rand()));
    // Decoys: one feature very high, the other middling, a larger sum than the relevant row's.
    rows[1] = Float64Array.of(1, 0.55 + 0.05 * rand());
    rows[2] = Float64Array.of(0.55 + 0.05 * rand(), 1);
    rows[0] = Float64Array.of(0.7 + 0.05 * rand(), 0.7 + 0.05 * rand());
    return { rows, relevant: rows.map((_, i) => i === 0) };
  });
}

const top1 = (gs: RankingGroup[], score: (row: Float64Array) => number) =>
  gs.filter((g) => {
    const scores = g.rows.map(score);
    return scores.indexOf(Math.max(...scores)) === 0;
  }).length / gs.length;

describe('trainTreeRanker', () => {
  it('learns an interaction of features and ranks held-out queries by it', () => {
    const train = groups(1, 60);
    const test = groups(2, 40);
    const trees = trainTreeRanker(['a', 'b'], train, { trees: 40, depth: 3, learningRate: 0.3 });
    expect(trees.kind).toBe('trees');
    expect(trees.trees).toHaveLength(40);
    const linear = trainLinearRanker(['a', 'b'], train, { epochs: 200 });
    const treeTop1 = top1(test, (r) => scoreRanker(trees, r));
    expect(treeTop1).toBeGreaterThan(0.9);
    expect(treeTop1).toBeGreaterThan(top1(test, (r) => scoreRanker(linear, r)));
    // The stored form scores the same after a JSON round trip (it is installed as JSON).
    const copy = JSON.parse(JSON.stringify(trees));
    for (const r of test[0]!.rows) expect(scoreTrees(copy, r)).toBe(scoreTrees(trees, r));
  });
});
