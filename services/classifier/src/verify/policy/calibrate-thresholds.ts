/**
 * Threshold search for the verification policy: pure functions over (scores, label) lists, no I/O.
 *
 * A candidate decision (a flag the verifier would propose) carries one score per threshold it must pass
 * (e.g. narrative coverage AND margin over the runner-up) and whether it is correct. The search tries every
 * point of a grid and keeps the one that maximises F1 subject to a precision floor (and optionally a cap on
 * false positives: "no false auto-link"). When no grid point reaches the floor, the fallback (the value in
 * force) is kept and the result says so: a threshold is never loosened to fit data it cannot fit.
 */

export type ScoredDecision = {
  /** One score per threshold dimension; the decision is taken when every score ≥ its threshold. */
  scores: readonly number[];
  /** Whether taking the decision is right (the expected reason and reference). */
  positive: boolean;
};

export type SearchOptions = {
  /** Candidate threshold vectors (same dimension as the scores), in grid order. */
  grid: readonly (readonly number[])[];
  /**
   * How many decisions SHOULD be taken (the recall denominator): expected flags, including those the
   * verifier never proposed at all (they are missing from `items`).
   */
  expected: number;
  /** Minimum precision of the decisions a threshold keeps (e.g. 0.9 for suggestions). */
  precisionFloor: number;
  /** At most this many wrong decisions may be kept (0 = "no false auto-link"); default: no cap. */
  maxFalsePositives?: number | undefined;
  /** The threshold in force, kept when no grid point reaches the floor. */
  fallback: readonly number[];
};

export type OperatingPoint = {
  taken: number;
  truePositives: number;
  falsePositives: number;
  expected: number;
  precision: number;
  recall: number;
  f1: number;
};

export type SearchResult = OperatingPoint & {
  threshold: number[];
  /** false when no grid point reached the floor (the fallback was kept: `threshold` is the fallback). */
  reachedFloor: boolean;
  /** Grid points with the same best (F1, precision): the chosen one is the farthest from any item score. */
  tied: number;
  note: string;
};

const passes = (scores: readonly number[], threshold: readonly number[]) =>
  threshold.every((t, d) => (scores[d] ?? Number.NEGATIVE_INFINITY) >= t);

/** Precision/recall/F1 of the decisions kept at one threshold vector. Precision of nothing kept is 0. */
export function operatingPoint(
  items: readonly ScoredDecision[],
  threshold: readonly number[],
  expected: number,
): OperatingPoint {
  let tp = 0;
  let fp = 0;
  for (const item of items)
    if (passes(item.scores, threshold)) {
      if (item.positive) tp++;
      else fp++;
    }
  const taken = tp + fp;
  const precision = taken === 0 ? 0 : tp / taken;
  const recall = expected === 0 ? 0 : tp / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { taken, truePositives: tp, falsePositives: fp, expected, precision, recall, f1 };
}

/**
 * Distance from a threshold vector to the nearest item score on any dimension: among thresholds that keep
 * exactly the same decisions, the one farthest from every observed score moves least with new data.
 */
export function clearance(items: readonly ScoredDecision[], threshold: readonly number[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const item of items)
    threshold.forEach((t, d) => {
      const s = item.scores[d];
      if (s !== undefined) min = Math.min(min, Math.abs(s - t));
    });
  return min;
}

const EPSILON = 1e-12;

/**
 * The grid point that maximises F1 with precision ≥ floor (and false positives ≤ cap), ties broken by
 * higher precision, then by clearance, then by the later (stricter) grid point. A point that keeps nothing
 * never qualifies: with nothing kept there is no precision to speak of.
 */
export function chooseThreshold(items: readonly ScoredDecision[], options: SearchOptions): SearchResult {
  const cap = options.maxFalsePositives ?? Number.POSITIVE_INFINITY;
  let best: { threshold: readonly number[]; point: OperatingPoint; clearance: number } | undefined;
  let tied = 0;
  for (const threshold of options.grid) {
    const point = operatingPoint(items, threshold, options.expected);
    if (point.taken === 0 || point.precision + EPSILON < options.precisionFloor) continue;
    if (point.falsePositives > cap) continue;
    const room = clearance(items, threshold);
    if (!best) {
      best = { threshold, point, clearance: room };
      tied = 1;
      continue;
    }
    const df1 = point.f1 - best.point.f1;
    const dp = point.precision - best.point.precision;
    if (df1 > EPSILON || (Math.abs(df1) <= EPSILON && dp > EPSILON)) {
      best = { threshold, point, clearance: room };
      tied = 1;
    } else if (Math.abs(df1) <= EPSILON && Math.abs(dp) <= EPSILON) {
      tied++;
      if (room >= best.clearance - EPSILON) best = { threshold, point, clearance: room };
    }
  }
  if (!best) {
    const point = operatingPoint(items, options.fallback, options.expected);
    return {
      ...point,
      threshold: [...options.fallback],
      reachedFloor: false,
      tied: 0,
      note: `no grid point reached precision ≥ ${options.precisionFloor}${Number.isFinite(cap) ? ` with at most ${cap} false positive(s)` : ''} on ${items.length} candidate(s) (${options.expected} expected): kept the fallback ${options.fallback.join(' / ')}`,
    };
  }
  return {
    ...best.point,
    threshold: [...best.threshold],
    reachedFloor: true,
    tied,
    note: `F1 ${best.point.f1.toFixed(3)} at precision ${best.point.precision.toFixed(3)} (${best.point.truePositives}/${best.point.taken} kept, ${best.point.expected} expected)${tied > 1 ? `; ${tied} grid points tied, kept the one farthest from any observed score` : ''}`,
  };
}

/** Evenly spaced values from `from` to `to` inclusive (rounded to avoid 0.30000000000000004). */
export function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + EPSILON; i++) out.push(Number((from + i * step).toFixed(6)));
  return out;
}

/** Every combination of the given per-dimension values, first dimension slowest. */
export function gridOf(...dimensions: readonly (readonly number[])[]): number[][] {
  return dimensions.reduce<number[][]>(
    (acc, values) => acc.flatMap((prefix) => values.map((v) => [...prefix, v])),
    [[]],
  );
}
