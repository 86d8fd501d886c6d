import type { RankingGroup } from './linear-ranker.ts';

/**
 * A boosted-trees re-ranker (LambdaMART without the Δmetric weights: pairwise RankNet gradients, Newton leaf
 * values). Trees catch what one linear model cannot: a title match matters more when the first-stage gap is
 * small, a year match only when the claim names a year, and so on. Nodes are flat arrays; a leaf has
 * feature -1 and its value in `value`.
 */
export type TreeRanker = {
  kind: 'trees';
  features: string[];
  trees: { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] }[];
};

export type TrainTreeOptions = {
  trees?: number;
  depth?: number;
  learningRate?: number;
  /** L2 on leaf values (in Hessian units). */
  lambda?: number;
  /** Smallest Hessian mass a leaf may hold. */
  minLeafHessian?: number;
  /** Thresholds tried per feature (quantiles of the training values). */
  bins?: number;
};

export function scoreTrees(ranker: TreeRanker, row: Float64Array): number {
  let s = 0;
  for (const t of ranker.trees) {
    let n = 0;
    while (t.feature[n]! >= 0) n = row[t.feature[n]!]! <= t.threshold[n]! ? t.left[n]! : t.right[n]!;
    s += t.value[n]!;
  }
  return s;
}

export function trainTreeRanker(
  features: readonly string[],
  groups: readonly RankingGroup[],
  options: TrainTreeOptions = {},
): TreeRanker {
  const nTrees = options.trees ?? 200;
  const maxDepth = options.depth ?? 3;
  const lr = options.learningRate ?? 0.1;
  const lambda = options.lambda ?? 1;
  const minHess = options.minLeafHessian ?? 1;
  const nBins = options.bins ?? 32;
  const width = features.length;
  const rows = groups.flatMap((g) => g.rows);
  const n = rows.length;

  // Quantile thresholds per feature; each row's bin per feature (bin b means value <= thresholds[b]).
  const thresholds: number[][] = [];
  const binned = new Uint8Array(n * width);
  for (let j = 0; j < width; j++) {
    const sorted = Float64Array.from(rows, (r) => r[j]!).sort();
    const cuts: number[] = [];
    for (let b = 1; b < nBins; b++) {
      const v = sorted[Math.floor((b * n) / nBins)]!;
      if (cuts.length === 0 || v > cuts[cuts.length - 1]!) cuts.push(v);
    }
    thresholds.push(cuts);
    for (let i = 0; i < n; i++) {
      const v = rows[i]![j]!;
      let lo = 0;
      let hi = cuts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v <= cuts[mid]!) hi = mid;
        else lo = mid + 1;
      }
      binned[i * width + j] = lo;
    }
  }

  // Pairs (relevant, not relevant) per group, each group weighing the same.
  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairW: number[] = [];
  let offset = 0;
  for (const g of groups) {
    const pos: number[] = [];
    const neg: number[] = [];
    for (let i = 0; i < g.relevant.length; i++) (g.relevant[i] ? pos : neg).push(offset + i);
    for (const p of pos)
      for (const q of neg) {
        pairA.push(p);
        pairB.push(q);
        pairW.push(1 / (pos.length * neg.length));
      }
    offset += g.rows.length;
  }

  const score = new Float64Array(n);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const trees: TreeRanker['trees'] = [];
  for (let t = 0; t < nTrees; t++) {
    grad.fill(0);
    hess.fill(0);
    for (let p = 0; p < pairA.length; p++) {
      const a = pairA[p]!;
      const b = pairB[p]!;
      const rho = 1 / (1 + Math.exp(score[a]! - score[b]!));
      const w = pairW[p]!;
      // Negative gradient of log(1 + e^-(sa - sb)): push a up, b down.
      grad[a]! += w * rho;
      grad[b]! -= w * rho;
      const h = w * rho * (1 - rho);
      hess[a]! += h;
      hess[b]! += h;
    }
    const tree: TreeRanker['trees'][number] = { feature: [], threshold: [], left: [], right: [], value: [] };
    const grow = (members: Int32Array, depth: number): number => {
      const node = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      let G = 0;
      let H = 0;
      for (const i of members) {
        G += grad[i]!;
        H += hess[i]!;
      }
      tree.value.push((lr * G) / (H + lambda));
      if (depth >= maxDepth || H < 2 * minHess) return node;
      const parentGain = (G * G) / (H + lambda);
      let best = { gain: 1e-9, feature: -1, bin: -1 };
      const gHist = new Float64Array(nBins);
      const hHist = new Float64Array(nBins);
      for (let j = 0; j < width; j++) {
        const cuts = thresholds[j]!.length;
        if (cuts === 0) continue;
        gHist.fill(0);
        hHist.fill(0);
        for (const i of members) {
          const b = binned[i * width + j]!;
          gHist[b]! += grad[i]!;
          hHist[b]! += hess[i]!;
        }
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < cuts; b++) {
          gl += gHist[b]!;
          hl += hHist[b]!;
          const hr = H - hl;
          if (hl < minHess || hr < minHess) continue;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentGain;
          if (gain > best.gain) best = { gain, feature: j, bin: b };
        }
      }
      if (best.feature < 0) return node;
      const left: number[] = [];
      const right: number[] = [];
      for (const i of members) (binned[i * width + best.feature]! <= best.bin ? left : right).push(i);
      tree.feature[node] = best.feature;
      tree.threshold[node] = thresholds[best.feature]![best.bin]!;
      tree.left[node] = grow(Int32Array.from(left), depth + 1);
      tree.right[node] = grow(Int32Array.from(right), depth + 1);
      return node;
    };
    grow(
      Int32Array.from({ length: n }, (_, i) => i),
      0,
    );
    const one = { kind: 'trees' as const, features: [], trees: [tree] };
    for (let i = 0; i < n; i++) score[i]! += scoreTrees(one, rows[i]!);
    trees.push(tree);
  }
  return { kind: 'trees', features: [...features], trees };
}
