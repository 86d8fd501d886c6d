import type { VerifiedFact } from '@claimwatch/shared/domain';
import {
  type ClaimSignals,
  cueSpans,
  LEVEL_RANK,
  type PartnershipLevel,
  readClaimSignals,
  yearNear,
} from './claim-signals.ts';
import { formatDate, formatMoney, type Lang, LEVEL_NAMES, nameOf } from './describe-reference.ts';

export const VIETNAM = 'VN';

/** A claim as verification sees it: its sentence, language-neutral entity ids, and when it was published. */
export type VerdictClaim = {
  text: string;
  entities: { id: string; kind: string; start: number; end?: number | undefined }[];
  date: Date | null;
};

/**
 * A fact with the language-neutral ids found in its texts (agreements, organisations, terms) and its cues.
 * `agreement` is the trade agreement the fact is about: the first one its text names ("The UK–Vietnam FTA
 * (UKVFTA) … carrying over the EVFTA commitments" is about UKVFTA, not EVFTA).
 */
export type IndexedFact = VerifiedFact & {
  ids: ReadonlySet<string>;
  signals: ClaimSignals;
  agreement: string | null;
};

type FactEntity = { id: string; category?: string | undefined };

/** Reads each fact's texts once: ids through the gazetteer, cues through the claim-signal patterns. */
export function indexFacts(
  facts: readonly VerifiedFact[],
  findEntities: (text: string) => FactEntity[],
): IndexedFact[] {
  return facts.map((f) => {
    const mentions = [...findEntities(f.text.en), ...findEntities(f.text.vi)];
    return {
      ...f,
      ids: new Set([...f.structured.parties, ...mentions.map((e) => e.id)]),
      signals: readClaimSignals(`${f.text.en} ${f.text.vi}`),
      agreement: mentions.find((e) => e.category === 'trade_agreement')?.id ?? null,
    };
  });
}

export const structuredChecks = [
  'relations_year',
  'partnership_level',
  'membership_status',
  'membership_year',
  'quantity',
  'agreement_date',
  'defence_alliance',
  'defence_foreign_base',
] as const;
export type StructuredCheck = (typeof structuredChecks)[number];

export type StructuredVerdict = {
  factId: string;
  verdict: 'contradicts' | 'supports';
  check: StructuredCheck;
  /** What the claim says and what the fact says, as short values (for the evidence panel). */
  claimValue: string;
  factValue: string;
  explanation: Record<Lang, string>;
  /** Rule confidence: how directly the sentence states the compared value. */
  confidence: number;
};

/** Relative difference beyond which a figure contradicts, and within which it supports. */
export const QUANTITY_TOLERANCE = { contradicts: 0.2, supports: 0.1 };

/** Places in Vietnam that stand for it in defence claims ("ships at Cam Ranh"). */
const VIETNAMESE_PLACES = /cam ranh|hà nội|hanoi|đà nẵng|da nang|hải phòng|haiphong|金兰湾|камрань/iu;

const MILITARY_ALLIANCES = new Set(['NATO', 'AUKUS']);

const yearOf = (iso: string | null) => (iso ? Number(iso.slice(0, 4)) : undefined);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Whether `iso` (any precision) is on or before `day` (YYYY-MM-DD), comparing at iso's precision. */
const onOrBefore = (iso: string, day: string) => iso <= day.slice(0, iso.length);

type Context = {
  claim: VerdictClaim;
  signals: ClaimSignals;
  ids: Set<string>;
  partners: string[];
  mentionsVietnam: boolean;
  day: string;
};

/** Term ids naming a kind of agreement (an unnamed agreement is known by its parties and kind). */
const AGREEMENT_KINDS = new Set(['free_trade_agreement', 'treaty', 'memorandum_of_understanding']);

/** "US" in "US dollars" / "US$" names a currency, not the United States. */
const CURRENCY_AFTER = /^\s*(\$|dollars?\b)/iu;

function contextOf(claim: VerdictClaim): Context {
  const entities = claim.entities.filter(
    (e) => !(e.id === 'US' && CURRENCY_AFTER.test(claim.text.slice(e.start).replace(/^\S+/u, ''))),
  );
  claim = { ...claim, entities };
  const ids = new Set(entities.map((e) => e.id));
  const partners = [
    ...new Set(claim.entities.filter((e) => e.kind === 'country' && e.id !== VIETNAM).map((e) => e.id)),
  ];
  return {
    claim,
    signals: readClaimSignals(claim.text),
    ids,
    partners,
    mentionsVietnam: ids.has(VIETNAM),
    day: isoDay(claim.date ?? new Date()),
  };
}

const partnerOf = (f: VerifiedFact) => f.structured.parties.filter((p) => p !== VIETNAM);

const explain = (vi: string, en: string) => ({ vi, en });

function relationsYear(c: Context, f: IndexedFact): StructuredVerdict | undefined {
  const [partner] = partnerOf(f);
  if (!partner || !f.structured.date || !c.signals.has.relations || !c.mentionsVietnam) return;
  if (!c.ids.has(partner)) return;
  const factYear = yearOf(f.structured.date)!;
  const base = { factId: f.id, check: 'relations_year' as const, factValue: f.structured.date };
  if (c.signals.years.some((y) => y.year === factYear))
    return {
      ...base,
      verdict: 'supports',
      claimValue: String(factYear),
      confidence: 0.8,
      explanation: explain(
        `Năm ${factYear} khớp với dữ kiện: Việt Nam và ${nameOf(partner, 'vi')} thiết lập quan hệ ngoại giao ${formatDate(f.structured.date, 'vi')}.`,
        `${factYear} matches the record: Vietnam and ${nameOf(partner, 'en')} established diplomatic relations on ${formatDate(f.structured.date, 'en')}.`,
      ),
    };
  // Only a sentence about this one partner can misdate its relations.
  const claimed = yearNear(c.signals, c.signals.at.relations);
  if (claimed === undefined || c.partners.filter((p) => p !== partner).length > 0) return;
  return {
    ...base,
    verdict: 'contradicts',
    claimValue: String(claimed),
    confidence: 0.9,
    explanation: explain(
      `Câu này cho rằng Việt Nam và ${nameOf(partner, 'vi')} thiết lập quan hệ ngoại giao năm ${claimed}, nhưng hai nước thiết lập quan hệ ${formatDate(f.structured.date, 'vi')}.`,
      `The claim dates Vietnam–${nameOf(partner, 'en')} diplomatic relations to ${claimed}, but they were established on ${formatDate(f.structured.date, 'en')}.`,
    ),
  };
}

/** The partner a partnership level is said of: the country named closest to the level's words. */
function partnerNearLevel(c: Context): string | undefined {
  const at = c.signals.level?.start;
  if (at === undefined) return;
  let best: { id: string; distance: number } | undefined;
  for (const e of c.claim.entities) {
    if (e.kind !== 'country' || e.id === VIETNAM) continue;
    const distance = Math.abs(e.start - at);
    if (!best || distance < best.distance) best = { id: e.id, distance };
  }
  return best?.id;
}

function partnershipLevel(c: Context, facts: IndexedFact[]): StructuredVerdict[] {
  const claimed = c.signals.level?.level;
  if (!claimed || c.signals.has.negation) return [];
  const partner = partnerNearLevel(c);
  if (!partner || !c.mentionsVietnam) return [];
  const history = facts.filter(
    (f) => f.kind === 'partnership' && partnerOf(f).includes(partner) && f.structured.level,
  );
  // No record of any framework with this partner: absence of a fact proves nothing.
  if (history.length === 0) return [];
  const current = history
    .filter((f) => f.structured.validFrom && onOrBefore(f.structured.validFrom, c.day))
    .filter((f) => !f.structured.validTo || !onOrBefore(f.structured.validTo, c.day))
    .sort(
      (a, b) =>
        LEVEL_RANK[b.structured.level as PartnershipLevel] -
        LEVEL_RANK[a.structured.level as PartnershipLevel],
    )[0];
  const claimedRank = LEVEL_RANK[claimed];
  const name = { vi: nameOf(partner, 'vi'), en: nameOf(partner, 'en') };
  const level = (l: string, lang: Lang) => LEVEL_NAMES[l]?.[lang] ?? l;
  if (current && current.structured.level === claimed)
    return [
      {
        factId: current.id,
        verdict: 'supports',
        check: 'partnership_level',
        claimValue: claimed,
        factValue: claimed,
        confidence: 0.85,
        explanation: explain(
          `Đúng: Việt Nam và ${name.vi} có quan hệ ${level(claimed, 'vi')} từ ${formatDate(current.structured.validFrom!, 'vi')}.`,
          `Correct: Vietnam and ${name.en} have had a ${level(claimed, 'en')} since ${formatDate(current.structured.validFrom!, 'en')}.`,
        ),
      },
    ];
  const actualRank = current ? LEVEL_RANK[current.structured.level as PartnershipLevel] : 0;
  if (claimedRank > actualRank && current)
    return [
      {
        factId: current.id,
        verdict: 'contradicts',
        check: 'partnership_level',
        claimValue: claimed,
        factValue: current.structured.level!,
        confidence: 0.9,
        explanation: explain(
          `Câu này gọi quan hệ Việt Nam – ${name.vi} là ${level(claimed, 'vi')}, nhưng vào thời điểm đó hai nước có quan hệ ${level(current.structured.level!, 'vi')} (từ ${formatDate(current.structured.validFrom!, 'vi')}).`,
          `The claim calls Vietnam–${name.en} ties a ${level(claimed, 'en')}, but at that date the two countries had a ${level(current.structured.level!, 'en')} (since ${formatDate(current.structured.validFrom!, 'en')}).`,
        ),
      },
    ];
  // A lower level is often history ("strategic partners since 2013"): supported when its year matches.
  const past = history.find(
    (f) =>
      f.structured.level === claimed &&
      c.signals.years.some((y) => y.year === yearOf(f.structured.validFrom)),
  );
  if (past)
    return [
      {
        factId: past.id,
        verdict: 'supports',
        check: 'partnership_level',
        claimValue: claimed,
        factValue: claimed,
        confidence: 0.75,
        explanation: explain(
          `Khớp với dữ kiện: Việt Nam và ${name.vi} xác lập quan hệ ${level(claimed, 'vi')} ${formatDate(past.structured.validFrom!, 'vi')}.`,
          `Matches the record: Vietnam and ${name.en} established a ${level(claimed, 'en')} in ${formatDate(past.structured.validFrom!, 'en')}.`,
        ),
      },
    ];
  return [];
}

const JOINING = /gia nhập|\bjoin|accession|since|kể từ|từ năm|depuis|adhé|加入|自|вступ|с \d{4}/giu;

function membership(c: Context, f: IndexedFact): StructuredVerdict | undefined {
  const org = f.structured.organisation;
  if (!org || !c.ids.has(org) || !c.mentionsVietnam) return;
  const level = f.structured.level;
  const orgName = { vi: nameOf(org, 'vi'), en: nameOf(org, 'en') };
  if (level === 'partner' && c.signals.has.membership && !c.signals.has.negation) {
    if (c.signals.has.partnerStatus && !c.signals.has.fullMember)
      return {
        factId: f.id,
        verdict: 'supports',
        check: 'membership_status',
        claimValue: 'partner',
        factValue: 'partner',
        confidence: 0.8,
        explanation: explain(
          `Đúng: Việt Nam là nước đối tác của ${orgName.vi} từ ${formatDate(f.structured.date!, 'vi')}.`,
          `Correct: Vietnam has been a ${orgName.en} partner country since ${formatDate(f.structured.date!, 'en')}.`,
        ),
      };
    return {
      factId: f.id,
      verdict: 'contradicts',
      check: 'membership_status',
      claimValue: 'member',
      factValue: 'partner',
      confidence: c.signals.has.fullMember ? 0.9 : 0.75,
      explanation: explain(
        `Câu này nói Việt Nam là thành viên ${orgName.vi}, nhưng Việt Nam là nước đối tác (từ ${formatDate(f.structured.date!, 'vi')}), không phải thành viên đầy đủ.`,
        `The claim says Vietnam is a member of ${orgName.en}, but Vietnam is a partner country (since ${formatDate(f.structured.date!, 'en')}), not a full member.`,
      ),
    };
  }
  if (level !== 'member' || !f.structured.date || !c.signals.has.membership) return;
  const factYear = yearOf(f.structured.date)!;
  JOINING.lastIndex = 0;
  const joining = [...c.claim.text.matchAll(JOINING)];
  if (joining.length === 0) return;
  const claimed = joining
    .map((m) => yearNear(c.signals, m.index, 40))
    .find((y): y is number => y !== undefined);
  if (claimed === undefined) return;
  const base = { factId: f.id, check: 'membership_year' as const, factValue: f.structured.date };
  if (claimed === factYear || c.signals.years.some((y) => y.year === factYear))
    return {
      ...base,
      verdict: 'supports',
      claimValue: String(factYear),
      confidence: 0.8,
      explanation: explain(
        `Khớp với dữ kiện: Việt Nam gia nhập ${orgName.vi} ${formatDate(f.structured.date, 'vi')}.`,
        `Matches the record: Vietnam joined ${orgName.en} on ${formatDate(f.structured.date, 'en')}.`,
      ),
    };
  return {
    ...base,
    verdict: 'contradicts',
    claimValue: String(claimed),
    confidence: 0.85,
    explanation: explain(
      `Câu này cho rằng Việt Nam là thành viên ${orgName.vi} từ năm ${claimed}, nhưng Việt Nam gia nhập ${formatDate(f.structured.date, 'vi')}.`,
      `The claim has Vietnam in ${orgName.en} since ${claimed}, but Vietnam joined on ${formatDate(f.structured.date, 'en')}.`,
    ),
  };
}

function quantity(c: Context, f: IndexedFact): StructuredVerdict | undefined {
  const q = f.structured.quantity;
  if (!q || q.unit === 'votes' || !c.signals.has.trade || !/trade/.test(q.metric)) return;
  const partners = partnerOf(f).filter((p) => p !== 'UN');
  if (!c.mentionsVietnam) return;
  if (partners.some((p) => !c.ids.has(p)) || c.partners.some((p) => !partners.includes(p))) return;
  if (q.year !== null && !c.signals.years.some((y) => y.year === q.year)) return;
  const amounts = c.signals.money.filter((m) => m.currency === q.unit);
  if (amounts.length === 0) return;
  const expected = q.value * q.scale;
  const closest = amounts.reduce((a, b) =>
    Math.abs(a.value - expected) <= Math.abs(b.value - expected) ? a : b,
  );
  const off = Math.abs(closest.value - expected) / expected;
  const who = partners.length ? `Việt Nam – ${nameOf(partners[0]!, 'vi')}` : 'Việt Nam';
  const whoEn = partners.length ? `Vietnam–${nameOf(partners[0]!, 'en')}` : 'Vietnam';
  const base = {
    factId: f.id,
    check: 'quantity' as const,
    claimValue: formatMoney(closest.value, q.unit, 'en'),
    factValue: formatMoney(expected, q.unit, 'en'),
  };
  if (off <= QUANTITY_TOLERANCE.supports)
    return {
      ...base,
      verdict: 'supports',
      confidence: 0.8,
      explanation: explain(
        `Khớp với số liệu: kim ngạch ${who} năm ${q.year} khoảng ${formatMoney(expected, q.unit, 'vi')}.`,
        `Matches the record: ${whoEn} trade in ${q.year} was about ${formatMoney(expected, q.unit, 'en')}.`,
      ),
    };
  if (off < QUANTITY_TOLERANCE.contradicts) return;
  return {
    ...base,
    verdict: 'contradicts',
    confidence: 0.85,
    explanation: explain(
      `Câu này nêu ${formatMoney(closest.value, q.unit, 'vi')}, nhưng kim ngạch ${who} năm ${q.year} khoảng ${formatMoney(expected, q.unit, 'vi')} (lệch ${Math.round(off * 100)}%).`,
      `The claim gives ${formatMoney(closest.value, q.unit, 'en')}, but ${whoEn} trade in ${q.year} was about ${formatMoney(expected, q.unit, 'en')} (${Math.round(off * 100)}% off).`,
    ),
  };
}

/** Which event of an agreement a text is about. */
const eventOf = (s: ClaimSignals): 'in_force' | 'signed' | undefined =>
  s.has.inForce ? 'in_force' : s.has.signed ? 'signed' : undefined;

/**
 * Where the claim states the event of the agreement `id`: a cue right after a mention ("RCEP, in force
 * since…", within 40 characters), or just before it with at most two words between ("signed the CPTPP").
 */
function eventNextTo(c: Context, id: string, cue: 'inForce' | 'signed'): number | undefined {
  const cues = cueSpans(c.claim.text, cue);
  for (const mention of c.claim.entities.filter((e) => e.id === id)) {
    const end = mention.end ?? mention.start + id.length;
    const after = cues.find((k) => k.start >= end && k.start - end <= 40);
    if (after) return after.start;
    const before = cues.findLast(
      (k) => k.end <= mention.start && /^\W*(\S+\s+){0,2}$/u.test(c.claim.text.slice(k.end, mention.start)),
    );
    if (before) return before.start;
  }
  return undefined;
}

function agreementDate(c: Context, f: IndexedFact): StructuredVerdict | undefined {
  if (f.kind !== 'agreement' || !f.structured.date) return;
  const named = f.agreement ? [f.agreement] : [];
  let shared = named.filter((id) => c.ids.has(id));
  const event = eventOf(c.signals);
  let at = event === 'in_force' ? c.signals.at.inForce : c.signals.at.signed;
  if (shared.length > 0 && event) {
    // Named: read the event that belongs to this agreement's mention ("CPTPP, in force since 2019, and
    // RCEP, in force since 2022"; "signed a protocol to join the CPTPP" is not the CPTPP's signing).
    const own = eventNextTo(c, shared[0]!, event === 'in_force' ? 'inForce' : 'signed');
    if (own === undefined) return;
    at = own;
  }
  if (shared.length === 0) {
    // Unnamed ("the EU–Vietnam Free Trade Agreement"): the same parties and the same kind of agreement.
    const partners = partnerOf(f);
    const kinds = [...f.ids].filter((id) => AGREEMENT_KINDS.has(id) && c.ids.has(id));
    const sameParties =
      partners.length > 0 &&
      partners.every((p) => c.ids.has(p)) &&
      c.partners.every((p) => partners.includes(p));
    if (!sameParties || kinds.length === 0) return;
    shared = [named[0] ?? kinds[0]!];
  }
  if (!event || event !== eventOf(f.signals)) return;
  const nearest = yearNear(c.signals, at, 60);
  if (nearest === undefined) return;
  const factYear = yearOf(f.structured.date)!;
  // Several dates around the event ("relations in 1962 and signed the treaty in 1977"): the right one among
  // them supports, as for the other checks.
  const near = c.signals.years.some(
    (y) => y.year === factYear && (at === undefined || Math.abs(y.start - at) <= 60),
  );
  const claimed = near ? factYear : nearest;
  const what = {
    vi: event === 'in_force' ? 'có hiệu lực' : 'được ký',
    en: event === 'in_force' ? 'entered into force' : 'was signed',
  };
  const base = {
    factId: f.id,
    check: 'agreement_date' as const,
    claimValue: String(claimed),
    factValue: f.structured.date,
  };
  if (claimed === factYear)
    return {
      ...base,
      verdict: 'supports',
      confidence: 0.8,
      explanation: explain(
        `Khớp với dữ kiện: ${shared[0]} ${what.vi} ${formatDate(f.structured.date, 'vi')}.`,
        `Matches the record: ${shared[0]} ${what.en} on ${formatDate(f.structured.date, 'en')}.`,
      ),
    };
  return {
    ...base,
    verdict: 'contradicts',
    confidence: 0.85,
    explanation: explain(
      `Câu này gắn ${shared[0]} với năm ${claimed}, nhưng hiệp định ${what.vi} ${formatDate(f.structured.date, 'vi')}.`,
      `The claim ties ${shared[0]} to ${claimed}, but the agreement ${what.en} on ${formatDate(f.structured.date, 'en')}.`,
    ),
  };
}

function defence(c: Context, f: IndexedFact): StructuredVerdict | undefined {
  if (f.kind !== 'defence_policy' || c.signals.has.negation) return;
  const aboutVietnam = c.mentionsVietnam || VIETNAMESE_PLACES.test(c.claim.text);
  if (!aboutVietnam) return;
  const joinsAlliance =
    c.signals.has.alliance ||
    ([...c.ids].some((id) => MILITARY_ALLIANCES.has(id)) && c.signals.has.membership);
  const hostsBase = c.signals.has.foreignBase || (c.signals.has.navalPresence && c.signals.has.permanence);
  const date = f.structured.date ? formatDate(f.structured.date, 'vi') : '';
  const dateEn = f.structured.date ? formatDate(f.structured.date, 'en') : '';
  if (joinsAlliance && f.signals.has.alliance)
    return {
      factId: f.id,
      verdict: 'contradicts',
      check: 'defence_alliance',
      claimValue: 'military alliance',
      factValue: 'no military alliances',
      confidence: 0.85,
      explanation: explain(
        `Câu này nói Việt Nam tham gia liên minh quân sự, trái với chính sách quốc phòng "bốn không" (công bố ${date}): không tham gia liên minh quân sự.`,
        `The claim has Vietnam in a military alliance, contrary to its "four nos" defence policy (published ${dateEn}): no military alliances.`,
      ),
    };
  if (hostsBase && f.signals.has.foreignBase)
    return {
      factId: f.id,
      verdict: 'contradicts',
      check: 'defence_foreign_base',
      claimValue: 'foreign military presence',
      factValue: 'no foreign military bases',
      confidence: 0.8,
      explanation: explain(
        `Câu này nói nước ngoài sẽ đặt lực lượng quân sự thường trực tại Việt Nam, trái với chủ trương không cho nước ngoài đặt căn cứ quân sự (${date}).`,
        `The claim has a foreign military stationed in Vietnam permanently, contrary to Vietnam's policy of no foreign military bases (${dateEn}).`,
      ),
    };
  return;
}

/**
 * Structured comparison of one claim with the facts that have structure: every verdict names its fact,
 * what was compared and a one-sentence explanation in Vietnamese and English. Contradictions first, then by
 * confidence, then the most recent fact.
 */
export function compareWithFacts(claim: VerdictClaim, facts: IndexedFact[]): StructuredVerdict[] {
  const c = contextOf(claim);
  const out: StructuredVerdict[] = [];
  for (const f of facts) {
    if (f.status !== 'active') continue;
    const v =
      f.kind === 'diplomatic_relations'
        ? relationsYear(c, f)
        : f.kind === 'membership'
          ? membership(c, f)
          : f.kind === 'figure'
            ? quantity(c, f)
            : f.kind === 'agreement'
              ? agreementDate(c, f)
              : f.kind === 'defence_policy'
                ? defence(c, f)
                : undefined;
    if (v) out.push(v);
  }
  out.push(
    ...partnershipLevel(
      c,
      facts.filter((f) => f.status === 'active'),
    ),
  );
  const dateOf = (id: string) => facts.find((f) => f.id === id)?.structured.date ?? '';
  return out.sort(
    (a, b) =>
      (a.verdict === 'contradicts' ? 0 : 1) - (b.verdict === 'contradicts' ? 0 : 1) ||
      b.confidence - a.confidence ||
      dateOf(b.factId).localeCompare(dateOf(a.factId)),
  );
}
