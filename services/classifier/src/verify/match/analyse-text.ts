import { stemmer } from 'stemmer';
import { foldDiacritics } from '../../detect/normalise-text.ts';
import { ENGLISH_STOPWORDS, VIETNAMESE_STOPWORDS } from './stopwords.ts';

/**
 * Token views of one text, for lexical matching across English, Vietnamese and other languages.
 *
 * - `stems`: content words, lower case, without tone marks, English words Porter-stemmed. Vietnamese
 *   syllables are folded ("Hoa Kỳ" → hoa, ky) so text typed without tone marks still matches.
 * - `exact`: every word as written (lower case, tone marks kept): distinguishes "mỹ" from "my".
 * - `bigrams`: adjacent stems; in Vietnamese, syllable pairs approximate words ("hoa_ky", "ngoai_giao").
 * - `chars`: character 4-grams inside words, for spelling variants and CJK text without spaces.
 * - `ids`: language-neutral ids of gazetteer entities and terms: the cross-lingual bridge.
 * - `nums`: numbers normalised across conventions ("1,000" = "1.000" = "1000"); years stay years.
 */
export type TextViews = {
  stems: string[];
  exact: string[];
  bigrams: string[];
  chars: string[];
  ids: string[];
  nums: string[];
};

export type EntityFinder = (text: string) => { id: string; kind: string }[];

// No word boundary: tweets glue links to the word before ("#WW3pic.twitter.com/…", "#Tag https://…").
const URL = /(?:https?:\/\/|\bwww\.|pic\.twitter\.com\/)\S+/giu;
const HTML_ENTITY = /&(?:amp|lt|gt|quot|#39|nbsp);/g;
const ENTITY_TEXT: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};
const NUMBER = /\d+(?:[.,]\d{3})*(?:[.,]\d+)?/gu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAS_DIACRITIC = /[^\x20-\x7e]/;

const CONTRACTIONS: [RegExp, string][] = [
  [/\b(can)['’]t\b/giu, '$1 not'],
  [/\b(won)['’]t\b/giu, 'will not'],
  [/\b(\p{L}+)n['’]t\b/giu, '$1 not'],
  [/\b(\p{L}+)['’]re\b/giu, '$1 are'],
  [/\b(\p{L}+)['’]ve\b/giu, '$1 have'],
  [/\b(\p{L}+)['’]ll\b/giu, '$1 will'],
  [/\b(\p{L}+)['’]d\b/giu, '$1 would'],
  [/\b(i)['’]m\b/giu, '$1 am'],
];

/**
 * URLs and HTML entities out; hashtags and handles become words ("#AustralianFires" → "Australian Fires");
 * English contractions expanded ("can’t" → "can not"). A tweet's closing "— Name (@handle) date" is kept on
 * purpose: fact-checks name who posted a claim ("X tweeted that…") and when (measured: dropping it costs MAP).
 */
export function cleanText(text: string): string {
  let out = text
    .normalize('NFC')
    .replace(URL, ' ')
    .replace(HTML_ENTITY, (m) => ENTITY_TEXT[m] ?? ' ')
    .replace(/^["'“]+|["'”]+$/gu, '');
  for (const [re, to] of CONTRACTIONS) out = out.replace(re, to);
  return out.replace(/[#@]([\p{L}\p{N}_]+)/gu, (_m, tag: string) => ` ${splitCompound(tag)} `);
}

/** "AustralianFires" → "Australian Fires", "realDonaldTrump" → "real Donald Trump", "COVID19" → "COVID 19". */
export function splitCompound(word: string): string {
  return word
    .replace(/_/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
}

const stemCache = new Map<string, string>();

/** The matching form of one lower-case word, or undefined for a stopword. */
export function stemWord(lower: string): string | undefined {
  const cached = stemCache.get(lower);
  if (cached !== undefined) return cached || undefined;
  let out = '';
  if (!VIETNAMESE_STOPWORDS.has(lower) && !ENGLISH_STOPWORDS.has(lower)) {
    const apostrophe = lower.replace(/['’]s$/u, '').replace(/['’]/gu, '');
    if (HAS_DIACRITIC.test(apostrophe)) out = foldDiacritics(apostrophe);
    else if (/^\d/.test(apostrophe)) out = apostrophe.replace(/^0+(?=\d)/, '');
    else out = apostrophe.length > 3 ? stemmer(apostrophe) : apostrophe;
  }
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(lower, out);
  return out || undefined;
}

function charGrams(word: string, n: number, out: string[]): void {
  const chars = [...word];
  if (chars.length <= n) {
    out.push(word);
    return;
  }
  for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
}

/** Numbers as language-neutral ids: "1,000" and "1.000" and "1000" agree; years are kept as years. */
function numberId(written: string): string | undefined {
  const digits = written.replace(/[.,](?=\d{3}(?:\D|$))/g, '').replace(',', '.');
  const value = Number(digits);
  return Number.isFinite(value) ? `#n:${value}` : undefined;
}

export type AnalyseOptions = { findEntities?: EntityFinder | undefined };

export function analyseText(text: string, options: AnalyseOptions = {}): TextViews {
  const cleaned = cleanText(text);
  const stems: string[] = [];
  const exact: string[] = [];
  const chars: string[] = [];
  const ids: string[] = [];
  const nums: string[] = [];
  for (const m of cleaned.matchAll(NUMBER)) {
    const n = numberId(m[0]);
    if (n) nums.push(n);
  }
  for (const m of cleaned.matchAll(WORD)) {
    const lower = m[0].toLowerCase();
    if (CJK.test(lower)) {
      // No spaces between CJK words: character bigrams stand in for words.
      const cs = [...lower];
      for (let i = 0; i < cs.length; i++) {
        if (i + 1 < cs.length) stems.push(cs[i]! + cs[i + 1]!);
        else if (cs.length === 1) stems.push(cs[i]!);
      }
      exact.push(lower);
      continue;
    }
    exact.push(lower);
    const stem = stemWord(lower);
    if (!stem) continue;
    stems.push(stem);
    if (stem.length >= 4) charGrams(stem, 4, chars);
  }
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < stems.length; i++) bigrams.push(`${stems[i]}_${stems[i + 1]}`);
  if (options.findEntities) for (const e of options.findEntities(cleaned)) ids.push(`#${e.kind[0]}:${e.id}`);
  return { stems, exact, bigrams, chars, ids, nums };
}
