import type { SparseVector } from './hashed-features.ts';

export type LogisticOptions = {
  /** Inverse L2 strength, as in scikit-learn: minimise C·Σ sᵢ·loss + ½‖w‖². */
  c: number;
  /** Weight classes inversely to their frequency (n / (2·n_class)). */
  balanced: boolean;
  maxIterations?: number;
  tolerance?: number;
};

export type LogisticFit = { weights: Float64Array; bias: number; iterations: number; loss: number };

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/**
 * L2-regularised logistic regression by L-BFGS (full batch, deterministic: the same data gives the same
 * weights bit for bit). The bias is not regularised.
 */
export function trainLogistic(
  rows: SparseVector[],
  labels: number[],
  dimension: number,
  options: LogisticOptions,
): LogisticFit {
  const n = rows.length;
  const positives = labels.filter((y) => y === 1).length;
  const sampleWeight = labels.map((y) =>
    options.balanced ? n / (2 * (y === 1 ? Math.max(1, positives) : Math.max(1, n - positives))) : 1,
  );
  const size = dimension + 1; // last slot is the bias
  const evaluate = (theta: Float64Array, gradient: Float64Array): number => {
    let loss = 0;
    gradient.fill(0);
    const bias = theta[dimension]!;
    for (let i = 0; i < n; i++) {
      const { indices, values } = rows[i]!;
      let z = bias;
      for (let k = 0; k < indices.length; k++) z += theta[indices[k]!]! * values[k]!;
      const y = labels[i]!;
      const s = options.c * sampleWeight[i]!;
      loss += s * (softplus(z) - y * z);
      const d = s * (sigmoid(z) - y);
      for (let k = 0; k < indices.length; k++) gradient[indices[k]!]! += d * values[k]!;
      gradient[dimension]! += d;
    }
    for (let j = 0; j < dimension; j++) {
      const w = theta[j]!;
      if (w !== 0) {
        loss += 0.5 * w * w;
        gradient[j]! += w;
      }
    }
    return loss;
  };
  const result = minimiseLbfgs(evaluate, size, options.maxIterations ?? 500, options.tolerance ?? 1e-5);
  return {
    weights: result.theta.subarray(0, dimension),
    bias: result.theta[dimension]!,
    iterations: result.iterations,
    loss: result.loss,
  };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** Limited-memory BFGS with an Armijo backtracking line search. */
function minimiseLbfgs(
  evaluate: (theta: Float64Array, gradient: Float64Array) => number,
  size: number,
  maxIterations: number,
  tolerance: number,
  memory = 10,
): { theta: Float64Array; loss: number; iterations: number } {
  let theta = new Float64Array(size);
  let gradient = new Float64Array(size);
  let loss = evaluate(theta, gradient);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const direction = new Float64Array(size);
  const alpha = new Array<number>(memory).fill(0);
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    const gNorm = Math.sqrt(dot(gradient, gradient));
    if (gNorm < tolerance * Math.max(1, Math.sqrt(dot(theta, theta)))) break;
    // Two-loop recursion: direction = −H·g.
    direction.set(gradient);
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(s[k]!, direction);
      const yk = y[k]!;
      for (let i = 0; i < size; i++) direction[i]! -= alpha[k]! * yk[i]!;
    }
    const gamma =
      s.length > 0
        ? dot(s[s.length - 1]!, y[y.length - 1]!) / dot(y[y.length - 1]!, y[y.length - 1]!)
        : 1 / gNorm;
    for (let i = 0; i < size; i++) direction[i]! *= gamma;
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k]! * dot(y[k]!, direction);
      const sk = s[k]!;
      for (let i = 0; i < size; i++) direction[i]! += sk[i]! * (alpha[k]! - beta);
    }
    for (let i = 0; i < size; i++) direction[i] = -direction[i]!;
    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let i = 0; i < size; i++) direction[i] = -gradient[i]! / gNorm;
      slope = dot(gradient, direction);
    }
    let step = 1;
    const nextTheta = new Float64Array(size);
    const nextGradient = new Float64Array(size);
    let nextLoss = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < size; i++) nextTheta[i] = theta[i]! + step * direction[i]!;
      nextLoss = evaluate(nextTheta, nextGradient);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextLoss < loss)) break;
    const sk = new Float64Array(size);
    const yk = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      sk[i] = nextTheta[i]! - theta[i]!;
      yk[i] = nextGradient[i]! - gradient[i]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const improvement = (loss - nextLoss) / Math.max(1, Math.abs(loss));
    theta = nextTheta;
    gradient = nextGradient;
    loss = nextLoss;
    if (improvement < tolerance * 1e-3) {
      iteration++;
      break;
    }
  }
  return { theta, loss, iterations: iteration };
}
