import type { ClaimType } from '@claimwatch/shared/domain';
import type { EntityMention } from './gazetteer/gazetteer.ts';
import { foldDiacritics } from './normalise-text.ts';
import type { QuantityMention } from './quantities.ts';

/**
 * Cue patterns per claim type, on the diacritics-folded sentence (so Vietnamese typed without tone marks
 * matches too). Checked in the annotation guide's precedence order (§5): relations_established >
 * partnership_level > membership > agreement_signed > figure > visit_meeting > quote > other.
 */
const CUES: Record<Exclude<ClaimType, 'other'>, RegExp> = {
  relations_established:
    /thiet lap quan he|(?:dat|lap) quan he|duoc thiet lap|binh thuong hoa|cap dai su|cap tong lanh su|cong nhan va|diplomatic (?:relations|ties) with \d+|date back to|ambassador(?:ial)? level|established? (?:formal |full )?(?:diplomatic )?(?:relations|ties)|normali[sz]ed? (?:relations|ties)|diplomatic (?:relations|ties) (?:in|on|since)|nang cap quan he len cap dai su|countries with which|co quan he ngoai giao voi|建交/u,
  partnership_level:
    /doi tac (?:chien luoc|toan dien|hop tac)|strategic partner|comprehensive partner|nang (?:cap|tam)? ?quan he len|upgraded? (?:the )?(?:relations|ties|relationship)|raised (?:bilateral )?(?:ties|relations)|highest tier|cong dong chia se tuong lai|shared future|quan he dac biet|special relationship|伙伴关系/u,
  membership:
    /thanh vien|gia nhap|ket nap|uy vien|duoc bau|dac cu|trung cu|won (?:a )?(?:non-permanent )?seat|admitted to|nuoc doi tac|quan sat vien|chu tich asean|nuoc chu nha|dang cai|member|joined|accession|elected|observer|chair(?:ed|manship)?\b|host(?:ed|s)? (?:the )?(?:apec|asean|summit)|partner country|rut khoi|withdr[ae]w|加入|成员/u,
  agreement_signed:
    /(?:da|vua|se|duoc|cung|chinh thuc|le|buoi|hai ben|hai nuoc) ky\b|\bky (?:ket|thoa thuan|hiep|ban ghi nho|van kien|tuyen bo|bien ban|hop dong|cac|nhieu|mot|hai|ba|\d)|hiep dinh|hiep uoc|thoa thuan|ban ghi nho|van kien|tuyen bo chung|phe chuan|co hieu luc|signed|agreement|treaty|memorand|\bmou\b|joint (?:statement|declaration)|ratif|entered into force|came into force|took effect|签署|协定/u,
  figure:
    /kim ngach|thuong mai|xuat khau|nhap khau|dau tu|von (?:dang ky|fdi|oda)|vien tro|ho tro|huy dong|tai tro|khoan vay|von vay|thue|tariff|trade|export|import|invest|\bfdi\b|\boda\b|\baid\b|loan|grant|duty|贸易|投资/u,
  visit_meeting:
    /\btham\b(?! (?:gia|khao|du|quan))|chuyen tham|hoi dam|hoi kien|dien dam|gap go|cuoc gap|tiep (?:xuc|don|kien)|thuong dinh|cap cang|cong du|visit|talks|met\b|meeting|phone call|summit|port call|trip|访问|会谈|会见/u,
  quote:
    /["“”«»]|cho biet|khang dinh|tuyen bo|phat bieu|nhan manh|noi rang|\bnoi\b|said|stated|declared|told|according to|theo nguoi phat ngon|表示|说/u,
};

/** Rankings of trade, investment or aid partners are figures even without a number ("largest investor"). */
const RANKING =
  /(?:lon nhat|hang dau|thu (?:hai|ba)|largest|biggest|top|leading|second|third)\b.{0,40}\b(?:nha dau tu|doi tac thuong mai|thi truong xuat khau|nha tai tro|vien tro|oda|investor|trading partner|export market|donor|provider of (?:official development|aid))|(?:nha dau tu|doi tac thuong mai|thi truong xuat khau|nha tai tro|investor|trading partner|export market|donor)\b.{0,30}\b(?:lon nhat|hang dau|largest|biggest)/u;

const ORDER: Exclude<ClaimType, 'other'>[] = [
  'relations_established',
  'partnership_level',
  'membership',
  'agreement_signed',
  'figure',
  'visit_meeting',
  'quote',
];

/** Gazetteer term categories that point at a claim type on their own. */
const CATEGORY_TYPE: Record<string, ClaimType> = {
  partnership_level: 'partnership_level',
  membership: 'membership',
  agreement: 'agreement_signed',
  visit: 'visit_meeting',
  meeting: 'visit_meeting',
};

/**
 * The coarse type of a claim: the first type in precedence order whose cues (gazetteer term categories
 * or cue words) are present. `figure` needs money or a percentage next to a trade/aid/investment cue.
 */
export function claimTypeOf(
  sentence: string,
  mentions: EntityMention[] = [],
  quantities: QuantityMention[] = [],
): ClaimType {
  const folded = foldDiacritics(sentence);
  const fromTerms = new Set(mentions.map((m) => CATEGORY_TYPE[m.category ?? '']).filter(Boolean));
  if (mentions.some((m) => m.id === 'diplomatic_relations') && CUES.relations_established.test(folded))
    return 'relations_established';
  for (const type of ORDER) {
    if (type === 'figure') {
      const hasFigure =
        quantities.some((q) => q.kind === 'money' || q.kind === 'percent') ||
        /\d[\d.,]*\s*(?:%|ty|trieu|billion|million|bn|usd|\$)|\$\s?\d/u.test(folded);
      if (hasFigure && (CUES.figure.test(folded) || mentions.some((m) => m.category === 'economy')))
        return type;
      if (RANKING.test(folded)) return type;
      continue;
    }
    if (CUES[type].test(folded)) return type;
    if (fromTerms.has(type) && type !== 'quote') return type;
  }
  return 'other';
}

/**
 * Rule fallback for check-worthiness, kept for the rules-only path (no model installed). The trained
 * model in `models/` replaces it in every normal run.
 */
export function ruleCheckworthiness(sentence: string, mentions: EntityMention[]): number {
  let score = 0.35;
  if (/\b(1[89]\d\d|20\d\d)\b|\d+([.,]\d+)?\s*(%|tỷ|triệu|billion|million|usd)/iu.test(sentence))
    score += 0.3;
  if (mentions.some((m) => m.kind === 'term')) score += 0.2;
  if (claimTypeOf(sentence, mentions) !== 'other') score += 0.15;
  return Math.min(1, score);
}
