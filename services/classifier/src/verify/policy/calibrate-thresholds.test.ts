import { describe, expect, it } from 'vitest';
import {
  chooseThreshold,
  clearance,
  gridOf,
  operatingPoint,
  range,
  type ScoredDecision,
} from './calibrate-thresholds.ts';

const d = (score: number, positive: boolean): ScoredDecision => ({ scores: [score], positive });
const grid1 = (values: number[]) => values.map((v) => [v]);

describe('operatingPoint', () => {
  it('counts kept decisions against the expected total, including ones never proposed', () => {
    const items = [d(0.9, true), d(0.8, true), d(0.6, false), d(0.4, true)];
    expect(operatingPoint(items, [0.7], 5)).toMatchObject({
      taken: 2,
      truePositives: 2,
      falsePositives: 0,
      precision: 1,
      recall: 0.4,
    });
    const low = operatingPoint(items, [0.5], 5);
    expect(low).toMatchObject({ taken: 3, truePositives: 2, falsePositives: 1 });
    expect(low.precision).toBeCloseTo(2 / 3);
    expect(operatingPoint(items, [0.95], 5)).toMatchObject({ taken: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('needs every dimension to pass', () => {
    const items: ScoredDecision[] = [
      { scores: [0.9, 0.05], positive: false },
      { scores: [0.8, 0.3], positive: true },
    ];
    expect(operatingPoint(items, [0.7, 0.1], 1)).toMatchObject({ taken: 1, truePositives: 1 });
    expect(operatingPoint(items, [0.7, 0], 1)).toMatchObject({ taken: 2, falsePositives: 1 });
  });
});

describe('chooseThreshold', () => {
  it('maximises F1 among thresholds whose precision reaches the floor', () => {
    // At 0.5: 4 kept, 3 right (P 0.75, R 0.75); at 0.65: 3 kept, 3 right (P 1, R 0.75): the floor 0.9
    // rules out 0.5 even though recall is the same, and 0.85 loses recall.
    const items = [d(0.9, true), d(0.8, true), d(0.7, true), d(0.6, false), d(0.3, true)];
    const r = chooseThreshold(items, {
      grid: grid1([0.5, 0.65, 0.85]),
      expected: 4,
      precisionFloor: 0.9,
      fallback: [0.99],
    });
    expect(r.threshold).toEqual([0.65]);
    expect(r.reachedFloor).toBe(true);
    expect(r.precision).toBe(1);
    expect(r.recall).toBe(0.75);
  });

  it('accepts a lower precision that still reaches the floor when it buys recall', () => {
    const items = [
      ...Array.from({ length: 9 }, (_, i) => d(0.9 - i * 0.01, true)),
      d(0.6, false),
      d(0.55, true),
    ];
    const r = chooseThreshold(items, {
      grid: grid1([0.5, 0.7]),
      expected: 10,
      precisionFloor: 0.9,
      fallback: [0.8],
    });
    // 0.5: 11 kept, 10 right: P 0.909 ≥ 0.9, R 1.0 beats 0.7 (P 1, R 0.9).
    expect(r.threshold).toEqual([0.5]);
    expect(r.precision).toBeCloseTo(10 / 11);
  });

  it('breaks ties by the grid point farthest from any observed score, then the stricter one', () => {
    const items = [d(0.9, true), d(0.5, false)];
    // 0.6, 0.7 and 0.8 keep exactly the same decision; 0.7 is farthest from 0.5 and 0.9.
    const r = chooseThreshold(items, {
      grid: grid1([0.6, 0.7, 0.8]),
      expected: 1,
      precisionFloor: 0.9,
      fallback: [0.95],
    });
    expect(r.threshold).toEqual([0.7]);
    expect(r.tied).toBe(3);
    // Equal clearance on both sides: the later (stricter) grid point wins.
    const even = chooseThreshold([d(0.9, true), d(0.5, false)], {
      grid: grid1([0.6, 0.8]),
      expected: 1,
      precisionFloor: 0.9,
      fallback: [0.95],
    });
    expect(even.threshold).toEqual([0.8]);
  });

  it('keeps the value in force and says so when no threshold reaches the floor', () => {
    const items = [d(0.9, false), d(0.8, true), d(0.7, false)];
    const r = chooseThreshold(items, {
      grid: grid1([0.5, 0.75, 0.85]),
      expected: 1,
      precisionFloor: 0.9,
      fallback: [0.7],
    });
    expect(r.reachedFloor).toBe(false);
    expect(r.threshold).toEqual([0.7]);
    expect(r.note).toMatch(/kept the fallback 0.7/);
    // The figures reported are those of the kept value, not of a grid point.
    expect(r.taken).toBe(3);
  });

  it('never qualifies a threshold that keeps nothing (no precision without decisions)', () => {
    const r = chooseThreshold([d(0.4, true)], {
      grid: grid1([0.5, 0.9]),
      expected: 1,
      precisionFloor: 0.9,
      fallback: [0.6],
    });
    expect(r.reachedFloor).toBe(false);
  });

  it('caps false positives for auto-linking: one wrong auto-link rules a threshold out', () => {
    // 40 right and 1 wrong at 0.8 is precision 0.976 ≥ 0.97, but the cap of 0 false auto-links forbids it.
    const items = [
      ...Array.from({ length: 40 }, () => d(0.9, true)),
      d(0.8, false),
      ...Array.from({ length: 5 }, () => d(0.8, true)),
    ];
    const options = { grid: grid1([0.75, 0.85]), expected: 45, precisionFloor: 0.97, fallback: [0.95] };
    expect(chooseThreshold(items, options).threshold).toEqual([0.75]);
    const capped = chooseThreshold(items, { ...options, maxFalsePositives: 0 });
    expect(capped.threshold).toEqual([0.85]);
    expect(capped.falsePositives).toBe(0);
  });

  it('searches several dimensions at once (score and margin)', () => {
    const items: ScoredDecision[] = [
      { scores: [0.9, 0.4], positive: true },
      { scores: [0.85, 0.02], positive: false },
      { scores: [0.6, 0.3], positive: true },
      { scores: [0.5, 0.3], positive: false },
    ];
    const r = chooseThreshold(items, {
      grid: gridOf([0.55, 0.8], [0, 0.1]),
      expected: 2,
      precisionFloor: 0.9,
      fallback: [0.75, 0.1],
    });
    expect(r.threshold).toEqual([0.55, 0.1]);
    expect(r.recall).toBe(1);
    expect(r.precision).toBe(1);
  });
});

describe('grid helpers', () => {
  it('builds ranges without floating-point noise and grids in order', () => {
    expect(range(0.1, 0.4, 0.1)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(gridOf([1, 2], [3, 4])).toEqual([
      [1, 3],
      [1, 4],
      [2, 3],
      [2, 4],
    ]);
  });

  it('measures clearance over every dimension', () => {
    expect(clearance([{ scores: [0.5, 0.2], positive: true }], [0.6, 0.15])).toBeCloseTo(0.05);
    expect(clearance([], [0.5])).toBe(Number.POSITIVE_INFINITY);
  });
});
