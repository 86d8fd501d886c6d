import type { LinearRanker } from '../verify/match/linear-ranker.ts';

/** A linear ranker over `features` with unit scaling and the given weight per feature (tests only). */
export function handMadeRanker(
  features: readonly string[],
  weightOf: (feature: string, i: number) => number,
): LinearRanker {
  return {
    kind: 'linear',
    features: [...features],
    mean: features.map(() => 0),
    std: features.map(() => 1),
    weights: features.map(weightOf),
  };
}
