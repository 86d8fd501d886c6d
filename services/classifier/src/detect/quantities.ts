import { foldDiacritics } from './normalise-text.ts';

/**
 * A number found in a claim, normalised: `8,67 tỷ USD` → { value: 8.67e9, unit: 'USD', kind: 'money' }.
 * Offsets index into the sentence the quantity was found in (like entity offsets).
 */
export type QuantityMention = {
  start: number;
  end: number;
  surface: string;
  value: number;
  /** ISO 4217 code for money, `%` for percentages, otherwise the counted noun as written (or null). */
  unit: string | null;
  kind: 'money' | 'percent' | 'count';
};

const SCALE: Record<string, number> = {
  nghìn: 1e3,
  ngàn: 1e3,
  nghin: 1e3,
  ngan: 1e3,
  triệu: 1e6,
  trieu: 1e6,
  tỷ: 1e9,
  tỉ: 1e9,
  ty: 1e9,
  ti: 1e9,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(usd|us\$|đô(?: la)?(?: mỹ)?|do la|dollars?|us dollars?)$/iu, 'USD'],
  [/^(a\$|aud|australian dollars?)$/iu, 'AUD'],
  [/^(s\$|sgd)$/iu, 'SGD'],
  [/^(eur|euros?|€)$/iu, 'EUR'],
  [/^(vnd|vnđ|đồng|dong|₫)$/iu, 'VND'],
  [/^(yen|yên|jpy|¥)$/iu, 'JPY'],
  [/^(won|krw|₩)$/iu, 'KRW'],
  [/^(nhân dân tệ|yuan|cny|rmb)$/iu, 'CNY'],
  [/^(gbp|£|pounds?|bảng anh)$/iu, 'GBP'],
  [/^\$$/u, 'USD'],
];

const currencyOf = (word: string | undefined): string | null => {
  if (!word) return null;
  for (const [pattern, code] of CURRENCY_WORDS) if (pattern.test(word.trim())) return code;
  return null;
};

/**
 * Parses a written number. Vietnamese writes `8,67` and `1.000`; English `8.67` and `1,000`. A lone
 * separator followed by exactly three digits is a thousands separator in either language ("1.000" in
 * Vietnamese, "5,000" in English); otherwise the language decides.
 */
export function parseNumber(raw: string, lang: string): number | undefined {
  const s = raw.replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return undefined;
  const decimalComma = lang === 'vi' || lang === 'fr' || lang === 'ru' || lang === 'de';
  const [thousands, decimal] = decimalComma ? ['.', ','] : [',', '.'];
  const parts = s.split(decimal);
  if (parts.length > 2) return undefined;
  const whole = parts[0]!;
  const groups = whole.split(thousands);
  if (groups.length > 1 && !groups.slice(1).every((g) => /^\d{3}$/.test(g))) {
    // e.g. "3.5" in Vietnamese text written the English way: read the other convention.
    if (groups.length === 2 && parts.length === 1) return Number(`${groups[0]}.${groups[1]}`);
    return undefined;
  }
  const value = Number(`${groups.join('')}${parts[1] !== undefined ? `.${parts[1]}` : ''}`);
  return Number.isFinite(value) ? value : undefined;
}

const NUMBER = String.raw`\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const SCALE_WORDS = `nghìn|ngàn|nghin|ngan|triệu|trieu|tỷ|tỉ|ty|ti|thousand|million|billion|trillion|bn|mn|tn|[kmb]`;
const CURRENCY_AFTER = String.raw`usd|us\$|vnd|vnđ|đồng|dong|đô la mỹ|đô la|đô|do la|us dollars?|dollars?|euros?|eur|yên|yen|won|nhân dân tệ|yuan|aud|sgd|gbp|pounds?|bảng anh`;
const CURRENCY_BEFORE = String.raw`US\$|A\$|S\$|\$|€|£|¥|₩|USD|EUR|VND`;

const QUANTITY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<pre>${CURRENCY_BEFORE})\s?)?(?<num>${NUMBER})(?:\s?(?<scale>${SCALE_WORDS})(?![\p{L}]))?(?:\s?(?<post>${CURRENCY_AFTER}|%|phần trăm|percent|per cent)(?![\p{L}]))?`,
  'giu',
);

const CJK_QUANTITY = /(\d+(?:\.\d+)?)\s*(亿|万|千)?\s*(美元|欧元|日元|人民币|元|韩元|越南盾|%|％)?/gu;
const CJK_SCALE: Record<string, number> = { 亿: 1e8, 万: 1e4, 千: 1e3 };
const CJK_CURRENCY: Record<string, string> = {
  美元: 'USD',
  欧元: 'EUR',
  日元: 'JPY',
  人民币: 'CNY',
  元: 'CNY',
  韩元: 'KRW',
  越南盾: 'VND',
};

/** "86.4亿美元" → 8.64e9 USD; "20%" → 20 %. Only figures with a scale, a currency or a percent sign. */
function findCjkQuantities(sentence: string, skip: { start: number; end: number }[]): QuantityMention[] {
  const out: QuantityMention[] = [];
  CJK_QUANTITY.lastIndex = 0;
  for (let m = CJK_QUANTITY.exec(sentence); m; m = CJK_QUANTITY.exec(sentence)) {
    const [surface, num, scale, unit] = m;
    const start = m.index;
    const end = start + surface.length;
    if ((!scale && !unit) || skip.some((s) => start < s.end && end > s.start)) continue;
    const isPercent = unit === '%' || unit === '％';
    out.push({
      start,
      end,
      surface,
      value: Number((Number(num) * (scale ? CJK_SCALE[scale]! : 1)).toPrecision(12)),
      unit: isPercent ? '%' : unit ? CJK_CURRENCY[unit]! : null,
      kind: isPercent ? 'percent' : unit ? 'money' : 'count',
    });
  }
  return out;
}

/** Money, percentages and other figures in a sentence. Years and dates are left to `findDates`. */
export function findQuantities(
  sentence: string,
  lang: string,
  skip: { start: number; end: number }[] = [],
): QuantityMention[] {
  if (lang === 'zh' || lang === 'ja') return findCjkQuantities(sentence, skip);
  const out: QuantityMention[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(sentence); m; m = QUANTITY.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    if (skip.some((s) => start < s.end && end > s.start)) continue;
    const g = m.groups ?? {};
    // "21-9-1973", "8/8/2025", "3-2" (a score): dates and scores, not quantities.
    const next = sentence[end];
    const prev = sentence[start - 1];
    if ((next && /[/\-–]/.test(next) && /\d/.test(sentence[end + 1] ?? '')) || (prev && /[/\-–:]/.test(prev)))
      continue;
    const base = parseNumber(g.num!, lang);
    if (base === undefined) continue;
    const scaleWord = g.scale?.toLowerCase();
    // A bare "m"/"b"/"k" counts as a scale only next to a currency ("$3.5bn", "A$94.5m").
    if (scaleWord && /^[kmb]$/.test(scaleWord) && !g.pre) continue;
    const scale = scaleWord ? (SCALE[scaleWord] ?? SCALE[foldDiacritics(scaleWord)] ?? 1) : 1;
    const post = g.post?.toLowerCase();
    const isPercent = post === '%' || post === 'phần trăm' || post === 'percent' || post === 'per cent';
    const currency = isPercent ? null : (currencyOf(g.pre) ?? currencyOf(g.post));
    const isBareYear = !g.pre && !scaleWord && !post && /^(1[89]\d\d|20\d\d)$/.test(g.num!);
    if (isBareYear) continue;
    let unit: string | null = currency ?? (isPercent ? '%' : null);
    if (!unit) {
      const after = /^\s+([\p{L}]+)/u.exec(sentence.slice(end));
      unit = after?.[1] && !/^(năm|year|years)$/iu.test(after[1]) ? after[1] : null;
    }
    out.push({
      start,
      end,
      surface: m[0],
      value: Number((base * scale).toPrecision(12)),
      unit,
      kind: currency ? 'money' : isPercent ? 'percent' : 'count',
    });
  }
  return out;
}
