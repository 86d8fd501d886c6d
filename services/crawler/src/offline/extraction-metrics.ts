/**
 * The two development sets' metrics, as their SOURCE.md files define them.
 *
 * article-extraction-benchmark: tokens are `\w+` runs (Python's Unicode `\w`: letters, numbers, `_`;
 * combining marks split words as they do there); shingles are contiguous 4-token tuples (a shorter text
 * gives one shorter shingle); per document TP/FP/FN are multiset overlaps; precision and recall are means
 * over documents; F1 is the harmonic mean of the two means.
 *
 * trafilatura-eval: whitespace-normalised `with` segments found in the output are TP (else FN), `without`
 * segments found are FP (else TN); micro-summed over pages.
 */
export type Prf = { precision: number; recall: number; f1: number };

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const n = Math.max(1, tokens.length - 3);
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + 4).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export type ShingleCounts = { tp: number; fp: number; fn: number };

export function shingleOverlap(gold: string, predicted: string): ShingleCounts {
  const g = shingles(gold);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of p) {
    const inGold = g.get(key) ?? 0;
    tp += Math.min(count, inGold);
    fp += Math.max(0, count - inGold);
  }
  for (const [key, count] of g) fn += Math.max(0, count - (p.get(key) ?? 0));
  return { tp, fp, fn };
}

export function scoreShingles(docs: ShingleCounts[]): Prf & { accuracy?: number } {
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const { tp, fp, fn } of docs) {
    if (fp === 0 && fn === 0) {
      precisions.push(1);
      recalls.push(1);
      continue;
    }
    if (tp + fp > 0) precisions.push(tp / (tp + fp));
    if (tp + fn > 0) recalls.push(tp / (tp + fn));
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export type SegmentCounts = { tp: number; fn: number; fp: number; tn: number };

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function segmentCounts(
  output: string,
  withSegments: string[],
  withoutSegments: string[],
): SegmentCounts {
  const text = squash(output);
  const counts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of withSegments) text.includes(squash(s)) ? counts.tp++ : counts.fn++;
  for (const s of withoutSegments) text.includes(squash(s)) ? counts.fp++ : counts.tn++;
  return counts;
}

export function scoreSegments(pages: SegmentCounts[]): Prf & { accuracy: number } & SegmentCounts {
  const sum = pages.reduce(
    (a, p) => ({ tp: a.tp + p.tp, fn: a.fn + p.fn, fp: a.fp + p.fp, tn: a.tn + p.tn }),
    { tp: 0, fn: 0, fp: 0, tn: 0 },
  );
  const precision = sum.tp / (sum.tp + sum.fp || 1);
  const recall = sum.tp / (sum.tp + sum.fn || 1);
  const all = sum.tp + sum.fn + sum.fp + sum.tn;
  return {
    ...sum,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    accuracy: all ? (sum.tp + sum.tn) / all : 0,
  };
}
