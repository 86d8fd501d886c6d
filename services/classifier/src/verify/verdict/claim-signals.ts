import { foldDiacritics } from '../../detect/normalise-text.ts';

/** What the structured comparisons read from a claim sentence (offsets index into the sentence). */
export type YearMention = { year: number; start: number; end: number };
export type MoneyMention = { value: number; currency: string; start: number; end: number };
export type PartnershipLevel =
  | 'comprehensive_strategic_partnership'
  | 'strategic_partnership'
  | 'comprehensive_partnership';

/** Vietnam's hierarchy of partnership frameworks, highest last. */
export const LEVEL_RANK: Record<PartnershipLevel, number> = {
  comprehensive_partnership: 1,
  strategic_partnership: 2,
  comprehensive_strategic_partnership: 3,
};

export type ClaimSignals = {
  years: YearMention[];
  money: MoneyMention[];
  level: { level: PartnershipLevel; start: number } | null;
  has: Record<Cue, boolean>;
  /** Position of the first match of each cue, for "which year belongs to which cue". */
  at: Partial<Record<Cue, number>>;
};

export type Cue =
  | 'relations'
  | 'membership'
  | 'fullMember'
  | 'partnerStatus'
  | 'alliance'
  | 'foreignBase'
  | 'navalPresence'
  | 'permanence'
  | 'negation'
  | 'inForce'
  | 'signed'
  | 'trade';

/** Cue patterns in vi/en/fr/zh/ru, tried on the lower-cased sentence and on its tone-mark-free form. */
const CUES: Record<Cue, RegExp> = {
  relations:
    /quan hệ ngoại giao|diplomatic (relations|ties)|relations diplomatiques|建交|外交关系|外交關係|дипломатически\S* отношени/u,
  membership:
    /thành viên|gia nhập|\bmember|\bjoin(ed|ing)?\b|accession|membre|adhér|成员|成員|加入|\bчлен|вступ(ил|ление|ила|ать)\b/u,
  fullMember:
    /thành viên (đầy đủ|chính thức)|chính thức (trở thành|là) thành viên|full(-| )(fledged )?member|membre à part entière|membre de plein droit|正式成员|正式成員|полноправн/u,
  partnerStatus:
    /nước đối tác|đối tác của brics|partner countr|pays partenaire|伙伴国|夥伴國|страна-партн|стран\S* партн/u,
  alliance:
    /liên minh quân sự|đồng minh quân sự|military alli|alliance militaire|军事同盟|軍事同盟|военн\S* (союз|альянс)|mutual[- ]defen[cs]e|phòng thủ chung|défense mutuelle|共同防御|共同防禦|взаимной обороне/u,
  foreignBase:
    /căn cứ (quân sự|hải quân)|military bases?|naval bases?|base (navale|militaire)|军事基地|海军基地|軍事基地|военн\S* баз|военно-морск\S* баз/u,
  navalPresence: /hải quân|tàu chiến|chiến hạm|\bnav(y|al)\b|warships?|\bships\b|marine|舰|艦|флот|корабл/u,
  permanence:
    /thường trực|lâu dài|đồn trú|permanent|on a permanent basis|station(ed)?\b|en permanence|永久|常驻|постоянн/u,
  // Denials, including "X does not mean Y" and "not yet": the claim states the storyline only to reject it.
  negation:
    /không (tham gia|gia nhập|cho phép|cho nước ngoài|liên minh|phải|có nghĩa)|chưa (phải|là|trở thành|gia nhập|tham gia)|bốn không|\bnot (join|a member|allow|host|an? |yet)|\b(does|do|did)(n['’]t| not) mean|\bno (military|foreign)|never|four no|ne (rejoint|participe)|pas (membre|d'alliance)|ne signifie pas|不(参加|結盟|结盟)|并不意味|並不意味|不意味着|не (вступ|участв|означа)|ещё не|еще не/u,
  inForce: /có hiệu lực|in force|into force|entré en vigueur|en vigueur|生效|вступ\S* в силу/u,
  signed: /\bký\b|ký kết|\bsigned\b|\bsigning\b|签署|簽署|signé|подписа/u,
  trade: /kim ngạch|thương mại|\btrade\b|commerce|commercial|贸易|貿易|торгов/u,
};

const LEVELS: [PartnershipLevel, RegExp][] = [
  [
    'comprehensive_strategic_partnership',
    /đối tác (hợp tác )?chiến lược toàn diện|comprehensive strategic (cooperative )?partner|partenari(at|re) stratégique (global|intégral)|全面战略(合作)?伙伴|全面戰略(合作)?夥伴|всеобъемлющ\S* стратегическ\S* партн|всесторонн\S* стратегическ\S* партн/u,
  ],
  [
    'comprehensive_partnership',
    /đối tác toàn diện|comprehensive partner|partenari(at|re) global|全面伙伴|全面夥伴|всеобъемлющ\S* партн/u,
  ],
  [
    'strategic_partnership',
    /đối tác chiến lược|strategic partner|partenari(at|re) stratégique|战略伙伴|戰略夥伴|стратегическ\S* партн/u,
  ],
];

/** The same pattern for text typed without tone marks; escapes (\\S, \\b) are kept as written. */
function foldPattern(pattern: RegExp): RegExp {
  const source = pattern.source.replace(
    /(\\.)|([^\\]+)/gu,
    (_m, escaped: string | undefined, text: string) => escaped ?? foldDiacritics(text),
  );
  return new RegExp(source, pattern.flags);
}

const FOLDED_CUES = Object.fromEntries(
  Object.entries(CUES).map(([cue, pattern]) => [cue, foldPattern(pattern)]),
) as Record<Cue, RegExp>;
const FOLDED_LEVELS = LEVELS.map(([id, pattern]) => [id, foldPattern(pattern)] as const);

const YEAR = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/gu;

const SCALE_WORDS: [RegExp, number][] = [
  [/^(nghìn|ngàn|thousand|k)$/u, 1e3],
  [/^(triệu|million|mn|m)$/u, 1e6],
  [/^(tỷ|tỉ|billion|bn|b|milliard|milliards)$/u, 1e9],
  [/^(nghìn tỷ|trillion|tn)$/u, 1e12],
];
const MONEY =
  /(?:(us\$|\$|usd|€|eur)\s?)?(\d+(?:[.,]\d+)*)\s*(nghìn tỷ|nghìn|ngàn|triệu|tỷ|tỉ|thousand|million|billion|trillion|milliards?|bn|mn|tn)?\s*(usd|us dollars?|dollars?|đô la(?: mỹ)?|đô|€|euros?|eur|美元)?/giu;
const CJK_MONEY = /(\d+(?:\.\d+)?)\s*(亿|万)?\s*美元/gu;

/** "15,7" (vi/fr) and "15.7" (en) are decimals; "1.000" and "1,000" are thousands. */
export function parseNumber(written: string): number {
  const groups = written.split(/[.,]/);
  if (groups.length === 1) return Number(written);
  const last = groups[groups.length - 1]!;
  if (groups.length === 2 && last.length !== 3) return Number(`${groups[0]}.${last}`);
  if (groups.slice(1).every((g) => g.length === 3)) return Number(groups.join(''));
  return Number(`${groups.slice(0, -1).join('')}.${last}`);
}

function findMoney(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  for (const m of text.matchAll(MONEY)) {
    const [, prefix, number, scaleWord, suffix] = m;
    if (!prefix && !suffix) continue;
    const currency = /€|eur/iu.test(`${prefix ?? ''}${suffix ?? ''}`) ? 'EUR' : 'USD';
    const scale = scaleWord ? (SCALE_WORDS.find(([p]) => p.test(scaleWord.toLowerCase()))?.[1] ?? 1) : 1;
    const value = parseNumber(number!) * scale;
    if (Number.isFinite(value) && value > 0)
      out.push({ value, currency, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(CJK_MONEY)) {
    const scale = m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1;
    out.push({ value: Number(m[1]) * scale, currency: 'USD', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function readClaimSignals(sentence: string): ClaimSignals {
  const lower = sentence.toLowerCase();
  const folded = foldDiacritics(sentence);
  const has = {} as Record<Cue, boolean>;
  const at: Partial<Record<Cue, number>> = {};
  for (const [cue, pattern] of Object.entries(CUES) as [Cue, RegExp][]) {
    const m = pattern.exec(lower) ?? FOLDED_CUES[cue].exec(folded);
    has[cue] = m !== null;
    if (m) at[cue] = m.index;
  }
  let level: ClaimSignals['level'] = null;
  for (const [i, [id, pattern]] of LEVELS.entries()) {
    const m = pattern.exec(lower) ?? FOLDED_LEVELS[i]![1].exec(folded);
    if (m) {
      level = { level: id, start: m.index };
      break;
    }
  }
  const years = [...sentence.matchAll(YEAR)].map((m) => ({
    year: Number(m[1]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  return { years, money: findMoney(sentence), level, has, at };
}

/** Every place a cue occurs in the sentence (start and end offsets), as written or without tone marks. */
export function cueSpans(sentence: string, cue: Cue): { start: number; end: number }[] {
  const spans = new Map<number, number>();
  const add = (pattern: RegExp, text: string) => {
    for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`)))
      if (!spans.has(m.index)) spans.set(m.index, m.index + m[0].length);
  };
  add(CUES[cue], sentence.toLowerCase());
  add(FOLDED_CUES[cue], foldDiacritics(sentence));
  return [...spans].map(([start, end]) => ({ start, end })).sort((a, b) => a.start - b.start);
}

/** The year written closest to a cue (within `window` characters), if any. */
export function yearNear(
  signals: ClaimSignals,
  position: number | undefined,
  window = 80,
): number | undefined {
  if (position === undefined) return signals.years[0]?.year;
  let best: YearMention | undefined;
  for (const y of signals.years) {
    const distance = Math.abs(y.start - position);
    if (distance <= window && (!best || distance < Math.abs(best.start - position))) best = y;
  }
  return best?.year;
}
