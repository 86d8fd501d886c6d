import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { foldDiacritics } from '../../detect/normalise-text.ts';
import type { NliScores } from '../verify-claims.ts';

/**
 * A project-trained NLI fallback for pairs: multinomial logistic regression over lexical cross features
 * (overlap both ways, hypothesis words missing from the premise, negation and number mismatches) and hashed
 * hypothesis n-grams. Far below a transformer; it exists so that `claimwatch nli` has something measurable
 * without one, and is trained by `pnpm eval:nli` on research-use data (kept in the models directory).
 */
export const NLI_LABELS = ['entailment', 'neutral', 'contradiction'] as const;
export type NliLabel = (typeof NLI_LABELS)[number];
export const LEXICAL_NLI_ID = 'claimwatch-nli-lexical';

const BUCKETS = 1 << 15;
const DENSE = [
  'bias',
  'hypCovered',
  'premCovered',
  'jaccard',
  'hypLenLog',
  'lenRatio',
  'negHypOnly',
  'negPremOnly',
  'numberMismatch',
  'hypNew0',
  'hypNewMany',
] as const;

const NEGATION =
  /\b(not|no|never|nobody|nothing|none|n't|cannot|without)\b|không|chưa|chẳng|chả|đâu có|không hề|chưa bao giờ/u;

const tokens = (text: string) =>
  foldDiacritics(text.toLowerCase())
    .replace(/n't\b/g, ' not')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % BUCKETS;
}

export type PairFeatures = { dense: Float64Array; sparse: number[] };

export function pairFeatures(premise: string, hypothesis: string): PairFeatures {
  const p = tokens(premise);
  const h = tokens(hypothesis);
  const ps = new Set(p);
  const hs = new Set(h);
  const shared = [...hs].filter((w) => ps.has(w)).length;
  const newWords = h.filter((w) => !ps.has(w));
  const nums = (ws: string[]) => ws.filter((w) => /\d/.test(w));
  const pNums = new Set(nums(p));
  const negP = NEGATION.test(premise.toLowerCase());
  const negH = NEGATION.test(hypothesis.toLowerCase());
  const dense = new Float64Array(DENSE.length);
  dense[0] = 1;
  dense[1] = hs.size ? shared / hs.size : 0;
  dense[2] = ps.size ? shared / ps.size : 0;
  dense[3] = shared / Math.max(1, new Set([...ps, ...hs]).size);
  dense[4] = Math.log1p(h.length) / 4;
  dense[5] = h.length / Math.max(1, p.length);
  dense[6] = negH && !negP ? 1 : 0;
  dense[7] = negP && !negH ? 1 : 0;
  dense[8] = nums(h).some((n) => !pNums.has(n)) ? 1 : 0;
  dense[9] = newWords.length === 0 ? 1 : 0;
  dense[10] = newWords.length >= 4 ? 1 : 0;
  const sparse = new Set<number>();
  for (const w of h) sparse.add(hash(`h:${w}`));
  for (let i = 0; i + 1 < h.length; i++) sparse.add(hash(`h2:${h[i]} ${h[i + 1]}`));
  for (const w of newWords) sparse.add(hash(`new:${w}`));
  return { dense, sparse: [...sparse] };
}

export type LexicalNliModel = {
  id: string;
  revision: string;
  dense: number[][];
  /** Per label, BUCKETS weights (stored as plain arrays of [index, weight] for non-zero entries). */
  sparse: [number, number][][];
  training: Record<string, unknown>;
};

function logits(m: { dense: ArrayLike<number>[]; sparse: Float64Array[] }, f: PairFeatures): number[] {
  return NLI_LABELS.map((_, k) => {
    let s = 0;
    const d = m.dense[k]!;
    for (let j = 0; j < f.dense.length; j++) s += d[j]! * f.dense[j]!;
    const w = m.sparse[k]!;
    for (const i of f.sparse) s += w[i]!;
    return s;
  });
}

const softmax = (z: number[]) => {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};

export type NliExample = { premise: string; hypothesis: string; label: NliLabel };

/** Softmax regression by SGD with L2, deterministic (fixed order shuffle by a seeded generator). */
export function trainLexicalNli(
  examples: readonly NliExample[],
  options: { epochs?: number; learningRate?: number; l2?: number; revision?: string } = {},
): LexicalNliModel {
  const epochs = options.epochs ?? 12;
  const lr0 = options.learningRate ?? 0.1;
  const l2 = options.l2 ?? 1e-4;
  const feats = examples.map((e) => pairFeatures(e.premise, e.hypothesis));
  const ys = examples.map((e) => NLI_LABELS.indexOf(e.label));
  const dense = NLI_LABELS.map(() => new Float64Array(DENSE.length));
  const sparse = NLI_LABELS.map(() => new Float64Array(BUCKETS));
  let seed = 42;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = lr0 / (1 + epoch);
    for (const i of order) {
      const f = feats[i]!;
      const p = softmax(logits({ dense, sparse }, f));
      for (let k = 0; k < NLI_LABELS.length; k++) {
        const g = p[k]! - (ys[i] === k ? 1 : 0);
        const d = dense[k]!;
        for (let j = 0; j < f.dense.length; j++) d[j]! -= lr * (g * f.dense[j]! + l2 * d[j]!);
        const w = sparse[k]!;
        for (const idx of f.sparse) w[idx]! -= lr * (g + l2 * w[idx]!);
      }
    }
  }
  return {
    id: LEXICAL_NLI_ID,
    revision: options.revision ?? 'dev',
    dense: dense.map((d) => Array.from(d)),
    sparse: sparse.map((w) => {
      const out: [number, number][] = [];
      w.forEach((v, i) => {
        if (Math.abs(v) > 1e-6) out.push([i, Number(v.toFixed(6))]);
      });
      return out;
    }),
    training: { examples: examples.length, epochs, learningRate: lr0, l2, features: [...DENSE, 'hashed'] },
  };
}

/** A classifier over (premise, hypothesis) from a trained model. */
export function lexicalNliClassifier(model: LexicalNliModel) {
  const sparse = model.sparse.map((entries) => {
    const w = new Float64Array(BUCKETS);
    for (const [i, v] of entries) w[i] = v;
    return w;
  });
  const m = { dense: model.dense, sparse };
  return {
    model: { id: model.id, revision: model.revision },
    async classify(pairs: { premise: string; hypothesis: string }[]): Promise<NliScores[]> {
      return pairs.map((p) => {
        const [entailment, neutral, contradiction] = softmax(
          logits(m, pairFeatures(p.premise, p.hypothesis)),
        );
        return { entailment: entailment!, neutral: neutral!, contradiction: contradiction! };
      });
    },
  };
}

export const lexicalNliPath = (modelsDir: string) => path.join(modelsDir, LEXICAL_NLI_ID, 'model.json');

export function readLexicalNli(modelsDir: string): LexicalNliModel | undefined {
  const file = lexicalNliPath(modelsDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LexicalNliModel) : undefined;
}

export function writeLexicalNli(modelsDir: string, model: LexicalNliModel): string {
  const file = lexicalNliPath(modelsDir);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(model));
  return file;
}
