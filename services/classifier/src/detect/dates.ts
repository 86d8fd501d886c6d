/**
 * A date found in a claim, normalised to ISO 8601: `ngày 8/8/2025` → 2025-08-08 (day), `tháng 5/2025` →
 * 2025-05 (month), `năm 1995` → 1995 (year). A day without a year is `--MM-DD`. Ranges keep their end in
 * `until` ("14–15/4/2025", "2020–2021"). Offsets index into the sentence.
 */
export type DateMention = {
  start: number;
  end: number;
  surface: string;
  value: string;
  precision: 'year' | 'month' | 'day';
  until?: string;
};

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAME = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const monthOf = (name: string) => {
  const key = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
};

const pad = (n: number) => String(n).padStart(2, '0');
const validDay = (y: number | undefined, m: number, d: number) => {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y ?? 2024, m, 0)).getUTCDate();
  return d <= days;
};
const isoDay = (y: number | undefined, m: number, d: number) =>
  y === undefined ? `--${pad(m)}-${pad(d)}` : `${y}-${pad(m)}-${pad(d)}`;

type Rule = {
  pattern: RegExp;
  build(m: RegExpExecArray): Omit<DateMention, 'start' | 'end' | 'surface'> | undefined;
};

/** Day-month-year order, the Vietnamese and European convention; a month above 12 means the US order. */
const dmy = (a: number, b: number, y: number | undefined) => {
  if (validDay(y, b, a)) return isoDay(y, b, a);
  if (validDay(y, a, b)) return isoDay(y, a, b);
  return undefined;
};

const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const RU_MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const ruMonthOf = (word: string) => {
  const w = word.toLowerCase();
  // Longest stem first so that "ма" (May) does not swallow "март" (March).
  const order = RU_MONTHS.map((stem, i) => [stem, i] as const).sort((a, b) => b[0].length - a[0].length);
  return (order.find(([stem]) => w.startsWith(stem))?.[1] ?? -1) + 1;
};

const RULES: Rule[] = [
  {
    // 1992年12月22日, 2025年5月, 1995年 (Chinese, Japanese)
    pattern: /(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?)?/gu,
    build: (m) => {
      const y = Number(m[1]);
      if (!m[2]) return { value: m[1]!, precision: 'year' };
      const month = Number(m[2]);
      if (!m[3])
        return month >= 1 && month <= 12 ? { value: `${y}-${pad(month)}`, precision: 'month' } : undefined;
      return validDay(y, month, Number(m[3]))
        ? { value: isoDay(y, month, Number(m[3])), precision: 'day' }
        : undefined;
    },
  },
  {
    // 12 juillet 1995 (French), 22 декабря 1992 (Russian)
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:er)?\s+(${FR_MONTHS.join('|')}|[а-я]+(?:я|а|е|ь))\s+(\d{4})(?!\d)`,
      'giu',
    ),
    build: (m) => {
      const word = m[2]!.toLowerCase();
      const month = FR_MONTHS.includes(word) ? FR_MONTHS.indexOf(word) + 1 : ruMonthOf(word);
      const y = Number(m[3]);
      return month > 0 && validDay(y, month, Number(m[1]))
        ? { value: isoDay(y, month, Number(m[1])), precision: 'day' }
        : undefined;
    },
  },
  {
    // ngày 5 tháng 9 năm 1962
    pattern: /(?:ngày|ngay)\s+(\d{1,2})\s+(?:tháng|thang)\s+(\d{1,2})(?:\s*(?:năm|nam)\s+(\d{4}))?/giu,
    build: (m) => {
      const value = dmy(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined);
      return value ? { value, precision: 'day' } : undefined;
    },
  },
  {
    // 14–15/4/2025, 19-20/6/2024
    pattern: /(?<![\d/])(\d{1,2})\s*[–—-]\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/gu,
    build: (m) => {
      const y = Number(m[4]);
      const from = dmy(Number(m[1]), Number(m[3]), y);
      const until = dmy(Number(m[2]), Number(m[3]), y);
      return from && until ? { value: from, until, precision: 'day' } : undefined;
    },
  },
  {
    // 8/8/2025, 21-9-1973, 22.12.1992
    pattern: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])/gu,
    build: (m) => {
      const value = dmy(Number(m[1]), Number(m[3]), Number(m[4]));
      return value ? { value, precision: 'day' } : undefined;
    },
  },
  {
    // tháng 5/2025, tháng 11 năm 2023, tháng 12-2022
    pattern: /(?:tháng|thang)\s+(\d{1,2})(?:\s*[/-]\s*|\s+(?:năm|nam)\s+)(\d{4})(?!\d)/giu,
    build: (m) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? { value: `${m[2]}-${pad(month)}`, precision: 'month' } : undefined;
    },
  },
  {
    // 12 July 1995, 8 Aug. 2025
    pattern: new RegExp(String.raw`\b(\d{1,2})\s+(${MONTH_NAME})\s*,?\s+(\d{4})\b`, 'gi'),
    build: (m) => {
      const month = monthOf(m[2]!);
      const day = Number(m[1]);
      return validDay(Number(m[3]), month, day)
        ? { value: isoDay(Number(m[3]), month, day), precision: 'day' }
        : undefined;
    },
  },
  {
    // January 18, 1950
    pattern: new RegExp(String.raw`\b(${MONTH_NAME})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'gi'),
    build: (m) => {
      const month = monthOf(m[1]!);
      const day = Number(m[2]);
      return validDay(Number(m[3]), month, day)
        ? { value: isoDay(Number(m[3]), month, day), precision: 'day' }
        : undefined;
    },
  },
  {
    // July 1995
    pattern: new RegExp(String.raw`\b(${MONTH_NAME})\s+(\d{4})\b`, 'gi'),
    build: (m) => ({ value: `${m[2]}-${pad(monthOf(m[1]!))}`, precision: 'month' }),
  },
  {
    // ngày 20/5 (no year)
    pattern: /(?:ngày|ngay|từ|đến|den|tu)\s+(\d{1,2})\/(\d{1,2})(?![\d/])/giu,
    build: (m) => {
      const value = dmy(Number(m[1]), Number(m[2]), undefined);
      return value ? { value, precision: 'day' } : undefined;
    },
  },
  {
    // 2020–2021, 2020-2021
    pattern: /(?<![\d/.-])(1[89]\d\d|20\d\d)\s*[–—-]\s*(1[89]\d\d|20\d\d)(?![\d/])/gu,
    build: (m) =>
      Number(m[2]) > Number(m[1]) ? { value: m[1]!, until: m[2]!, precision: 'year' } : undefined,
  },
  {
    // 11/2024 (month/year without "tháng")
    pattern: /(?<![\d/.-])(\d{1,2})\/(\d{4})(?![\d/])/gu,
    build: (m) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? { value: `${m[2]}-${pad(month)}`, precision: 'month' } : undefined;
    },
  },
  {
    // năm 1995, in 1995, 1995
    pattern:
      /(?<![\p{L}\p{N}$€£.,/-])(1[89]\d\d|20\d\d)(?![\p{N}%]|[.,]\d|\s*(?:tỷ|triệu|billion|million|USD|tấn|tons?))/gu,
    build: (m) => ({ value: m[1]!, precision: 'year' }),
  },
];

/** Dates in a sentence, earliest first, never overlapping (longer, more precise forms win). */
export function findDates(sentence: string): DateMention[] {
  const found: DateMention[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(sentence); m; m = rule.pattern.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const built = rule.build(m);
      if (built) found.push({ start, end, surface: m[0], ...built });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
