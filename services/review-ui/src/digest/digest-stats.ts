/** The statistics the digest reports, as small pure functions (unit-tested; the web UI does not need them). */

/** Nearest-rank percentile (p in 0..1) of the values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** Wilson score interval for a proportion (95% by default); null bounds when there is no trial. */
export function wilsonInterval(
  successes: number,
  trials: number,
  z = 1.959964,
): { low: number; high: number } | null {
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = p + z2 / (2 * trials);
  const margin = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return {
    low: Math.max(0, (centre - margin) / denominator),
    high: Math.min(1, (centre + margin) / denominator),
  };
}

/** Mean and population standard deviation. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * Whether a day's count is outside the usual band (mean ± 2 SD of the baseline days): `low` (silent),
 * `high` (spike) or `normal`. A source with no baseline volume is never "silent".
 */
export function bandOf(count: number, baseline: { mean: number; sd: number }): 'low' | 'high' | 'normal' {
  if (baseline.mean === 0) return 'normal';
  if (count < baseline.mean - 2 * baseline.sd) return 'low';
  if (count > baseline.mean + 2 * baseline.sd) return 'high';
  return 'normal';
}

/** Figures are stored rounded so that the JSON (and its hash) does not depend on float noise. */
export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
