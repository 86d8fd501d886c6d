export type BinaryMetrics = {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
};

/** Precision, recall and F1 of the positive class. */
export function binaryMetrics(gold: (0 | 1 | boolean)[], predicted: (0 | 1 | boolean)[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  gold.forEach((g, i) => {
    const p = Boolean(predicted[i]);
    const y = Boolean(g);
    if (p && y) tp++;
    else if (p) fp++;
    else if (y) fn++;
    if (p === y) correct++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  return {
    n: gold.length,
    positives: gold.filter(Boolean).length,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
  };
}

export const formatMetrics = (m: BinaryMetrics) =>
  `P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  (n ${m.n}, yes ${m.positives})`;
