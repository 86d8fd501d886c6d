/**
 * MinHash signatures over 3-word shingles, for near-duplicate detection (Broder). Two copies of one
 * story — a syndicated text with another outlet's sign-off, a retitled or lightly edited version — share
 * most shingles, so most signature slots agree; the share of agreeing slots estimates their Jaccard
 * similarity. LSH bands (16 bands of 4 slots) let the database find candidates: a pair at Jaccard 0.8
 * shares a band with probability > 0.999; candidates are then compared on the whole signature.
 */
export const SIGNATURE_SIZE = 64;
export const BAND_COUNT = 16;
const ROWS_PER_BAND = SIGNATURE_SIZE / BAND_COUNT;
/** Estimated Jaccard similarity at or above which two texts are one story. */
export const NEAR_DUPLICATE_SIMILARITY = 0.7;

function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return fmix32(hash);
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

export function shingleTokens(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The signature as hex (8 digits a slot); null for texts too short to say anything. */
export function minhashSignature(text: string): string | null {
  const tokens = shingleTokens(text);
  if (tokens.length < 8) return null;
  const mins = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i + 3 <= tokens.length; i++) {
    const base = hashString(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
    if (seen.has(base)) continue;
    seen.add(base);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const value = fmix32(base ^ SEEDS[k]!);
      if (value < mins[k]!) mins[k] = value;
    }
  }
  return mins.map((m) => m.toString(16).padStart(8, '0')).join('');
}

const slots = (signature: string) => {
  const out: string[] = [];
  for (let i = 0; i < signature.length; i += 8) out.push(signature.slice(i, i + 8));
  return out;
};

export function estimateSimilarity(a: string, b: string): number {
  const sa = slots(a);
  const sb = slots(b);
  if (sa.length !== sb.length || sa.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < sa.length; i++) if (sa[i] === sb[i]) same++;
  return same / sa.length;
}

/** Band values for the LSH index (signed 32-bit, as PostgreSQL `integer`), in band order. */
export function signatureBands(signature: string): number[] {
  const s = slots(signature);
  const bands: number[] = [];
  for (let b = 0; b < BAND_COUNT; b++)
    bands.push(hashString(s.slice(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND).join('')) | 0);
  return bands;
}
