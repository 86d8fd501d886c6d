import { foldDiacritics } from '../../detect/normalise-text.ts';

/**
 * How a sentence becomes a sparse vector: hashed word uni/bigrams (lower case, digits → 0), hashed
 * character n-grams inside word boundaries (on the diacritics-folded text, so Vietnamese typed without
 * tone marks lands on the same buckets) and a few structural markers. Each block has sublinear term
 * frequency (1 + ln tf) and unit L2 norm; blocks share one hashed space.
 */
export type FeatureSpec = {
  /** log2 of the number of hash buckets. */
  bits: number;
  wordNgrams: [number, number];
  charNgrams: [number, number];
  /** Structural markers (numbers, years, money, quotes, question, length) as extra word tokens. */
  structural: boolean;
};

export const DEFAULT_FEATURE_SPEC: FeatureSpec = {
  bits: 18,
  wordNgrams: [1, 2],
  charNgrams: [2, 5],
  structural: true,
};

/** Sorted unique bucket indices with their values. */
export type SparseVector = { indices: Uint32Array; values: Float32Array };

/** FNV-1a over UTF-16 code units, with a block seed so blocks do not share buckets by design. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?|[%$€£¥₫?!"“”]/gu;

export function wordTokens(text: string): string[] {
  return (text.toLowerCase().replace(/\p{N}/gu, '0').match(TOKEN) ?? []).map((t) => t.replace(/[“”]/g, '"'));
}

/** Markers that carry across languages: what makes a sentence checkable more than its words. */
export function structuralMarkers(text: string): string[] {
  const markers: string[] = [];
  if (/\p{N}/u.test(text)) markers.push('__num');
  if (/\b(1[89]\d\d|20\d\d)\b/.test(text)) markers.push('__year');
  if (/\d\s*%|\bpercent\b|phần trăm/iu.test(text)) markers.push('__pct');
  if (/[$€£¥₫]|\b(usd|vnd|đồng|dollars?|euros?)\b|\b(tỷ|triệu|billion|million|trillion|bn)\b/iu.test(text))
    markers.push('__money');
  if (
    /\b\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d/iu.test(
      text,
    )
  )
    markers.push('__date');
  if (/["“”«»「」]/u.test(text)) markers.push('__quote');
  if (/\?\s*$/u.test(text)) markers.push('__question');
  const words = text.split(/\s+/).filter(Boolean).length;
  markers.push(words < 6 ? '__len_s' : words < 15 ? '__len_m' : words < 30 ? '__len_l' : '__len_xl');
  return markers;
}

function addBlock(target: Map<number, number>, grams: string[], seed: number, mask: number): void {
  const counts = new Map<number, number>();
  for (const g of grams) {
    const bucket = hash(g, seed) & mask;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  let norm = 0;
  for (const [bucket, tf] of counts) {
    const v = 1 + Math.log(tf);
    counts.set(bucket, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [bucket, v] of counts) target.set(bucket, (target.get(bucket) ?? 0) + v / norm);
}

function wordGrams(tokens: string[], [lo, hi]: [number, number]): string[] {
  const out: string[] = [];
  for (let n = lo; n <= hi; n++)
    for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}

/** Character n-grams of each word padded with spaces (scikit-learn's `char_wb`). */
function charGrams(text: string, [lo, hi]: [number, number]): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().replace(/\p{N}/gu, '0').split(/\s+/)) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let n = lo; n <= hi; n++) {
      if (padded.length < n) break;
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
  }
  return out;
}

export function featurize(text: string, spec: FeatureSpec): SparseVector {
  const mask = (1 << spec.bits) - 1;
  const features = new Map<number, number>();
  const tokens = wordTokens(text);
  addBlock(features, wordGrams(tokens, spec.wordNgrams), 1, mask);
  addBlock(features, charGrams(foldDiacritics(text), spec.charNgrams), 2, mask);
  if (spec.structural) addBlock(features, structuralMarkers(text), 3, mask);
  const indices = Uint32Array.from([...features.keys()].sort((a, b) => a - b));
  const values = Float32Array.from(indices, (i) => features.get(i) ?? 0);
  return { indices, values };
}
