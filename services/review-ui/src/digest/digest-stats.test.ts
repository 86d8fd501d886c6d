import { describe, expect, it } from 'vitest';
import { bandOf, meanAndSd, percentile, wilsonInterval } from './digest-stats.ts';

describe('digest statistics', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([30, 1, 10, 2, 4], 0.5)).toBe(4);
    expect(percentile([30, 1, 10, 2, 4], 0.9)).toBe(30);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('gives the Wilson score interval at 95%', () => {
    const two = wilsonInterval(2, 3)!;
    expect(two.low).toBeCloseTo(0.2077, 4);
    expect(two.high).toBeCloseTo(0.9385, 4);
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    // A large sample narrows around the proportion.
    const big = wilsonInterval(800, 1000)!;
    expect(big.low).toBeCloseTo(0.7741, 3);
    expect(big.high).toBeCloseTo(0.8239, 3);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('marks days outside mean ± 2 SD of the baseline', () => {
    const baseline = meanAndSd([1, 2, 1, 2]);
    expect(baseline).toEqual({ mean: 1.5, sd: 0.5 });
    expect(bandOf(0, baseline)).toBe('low');
    expect(bandOf(1, baseline)).toBe('normal');
    expect(bandOf(2.5, baseline)).toBe('normal');
    expect(bandOf(3, baseline)).toBe('high');
    // A source that never published is not "silent".
    expect(bandOf(0, { mean: 0, sd: 0 })).toBe('normal');
  });
});
