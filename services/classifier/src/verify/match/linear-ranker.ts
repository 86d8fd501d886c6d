import { scoreTrees, type TreeRanker } from './tree-ranker.ts';

/**
 * A linear re-ranker: standardised features · weights. Trained pairwise (RankNet loss with L2), so only the
 * order of candidates within one query matters, never absolute scores across queries.
 */
export type LinearRanker = {
  kind: 'linear';
  features: string[];
  mean: number[];
  std: number[];
  weights: number[];
};

/** A trained re-ranker of either kind; scores compare candidates of one query only. */
export type Ranker = LinearRanker | TreeRanker;

export function scoreRanker(ranker: Ranker, row: Float64Array): number {
  return ranker.kind === 'trees' ? scoreTrees(ranker, row) : scoreLinear(ranker, row);
}

/** One training query: feature rows of its candidates and which of them are relevant. */
export type RankingGroup = { rows: Float64Array[]; relevant: boolean[] };

export function scoreLinear(ranker: LinearRanker, row: Float64Array): number {
  let s = 0;
  for (let j = 0; j < ranker.weights.length; j++)
    s += (ranker.weights[j]! * (row[j]! - ranker.mean[j]!)) / ranker.std[j]!;
  return s;
}

export type TrainLinearOptions = { l2?: number; epochs?: number; learningRate?: number };

/** Pairwise logistic regression trained with Adam on every (relevant, non-relevant) pair of a group. */
export function trainLinearRanker(
  features: readonly string[],
  groups: readonly RankingGroup[],
  options: TrainLinearOptions = {},
): LinearRanker {
  const width = features.length;
  const all = groups.flatMap((g) => g.rows);
  const mean = new Array<number>(width).fill(0);
  const std = new Array<number>(width).fill(0);
  for (const r of all) for (let j = 0; j < width; j++) mean[j]! += r[j]! / all.length;
  for (const r of all) for (let j = 0; j < width; j++) std[j]! += (r[j]! - mean[j]!) ** 2 / all.length;
  for (let j = 0; j < width; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const z = (r: Float64Array) => Float64Array.from(r, (v, j) => (v - mean[j]!) / std[j]!);

  const diffs: Float64Array[] = [];
  const pairWeights: number[] = [];
  for (const g of groups) {
    const pos = g.rows.filter((_, i) => g.relevant[i]).map(z);
    const neg = g.rows.filter((_, i) => !g.relevant[i]).map(z);
    if (pos.length === 0 || neg.length === 0) continue;
    // Each query weighs the same whatever its number of candidates.
    const w = 1 / (pos.length * neg.length);
    for (const p of pos)
      for (const n of neg) {
        diffs.push(Float64Array.from(p, (v, j) => v - n[j]!));
        pairWeights.push(w);
      }
  }
  const totalWeight = pairWeights.reduce((a, b) => a + b, 0) || 1;
  const l2 = options.l2 ?? 1e-3;
  const epochs = options.epochs ?? 400;
  const lr = options.learningRate ?? 0.05;
  const w = new Float64Array(width);
  const m = new Float64Array(width);
  const v = new Float64Array(width);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = new Float64Array(width);
    for (let p = 0; p < diffs.length; p++) {
      const d = diffs[p]!;
      let s = 0;
      for (let j = 0; j < width; j++) s += w[j]! * d[j]!;
      // d/ds log(1 + e^-s) = -1 / (1 + e^s)
      const g = -pairWeights[p]! / (1 + Math.exp(s)) / totalWeight;
      for (let j = 0; j < width; j++) grad[j]! += g * d[j]!;
    }
    for (let j = 0; j < width; j++) {
      const gj = grad[j]! + l2 * w[j]!;
      m[j] = 0.9 * m[j]! + 0.1 * gj;
      v[j] = 0.999 * v[j]! + 0.001 * gj * gj;
      const mh = m[j]! / (1 - 0.9 ** epoch);
      const vh = v[j]! / (1 - 0.999 ** epoch);
      w[j]! -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { kind: 'linear', features: [...features], mean, std, weights: Array.from(w) };
}
