import type { ClaimType } from '@claimwatch/shared/domain';
import type { EntityMention } from './gazetteer/gazetteer.ts';

/** A year, a day/month date or a number with a unit: the checkable parts of a sentence. */
const NUMBERISH =
  /\b(1[89]\d\d|20\d\d)\b|\b\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?\b|\d+([.,]\d+)?\s*(%|tỷ|triệu|nghìn|billion|million|bn|usd|đô|\$)/iu;

const TYPE_PATTERNS: [ClaimType, RegExp][] = [
  [
    'relations_established',
    /quan hệ ngoại giao|diplomatic relations|thiết lập quan hệ|established (formal )?(diplomatic )?ties|建交/iu,
  ],
  [
    'partnership_level',
    /đối tác (chiến lược|toàn diện)|strategic partnership|comprehensive partnership|nâng cấp quan hệ|upgrad/iu,
  ],
  ['membership', /thành viên|gia nhập|member(ship)?\b|joined|accession/iu],
  ['agreement_signed', /\bký\b|ký kết|hiệp định|thỏa thuận|signed|agreement|treaty|memorandum/iu],
  [
    'figure',
    /tỷ (usd|đô)|triệu usd|billion|million|kim ngạch|viện trợ|\bODA\b|\bFDI\b|trade (turnover|volume)|aid/iu,
  ],
  ['quote', /["“”«»]|cho biết|khẳng định|tuyên bố|said|stated|declared/iu],
  ['visit_meeting', /thăm|hội đàm|hội kiến|gặp|tiếp|visit|talks|met with|meeting|summit/iu],
];

export function claimTypeOf(sentence: string): ClaimType {
  for (const [type, pattern] of TYPE_PATTERNS) if (pattern.test(sentence)) return type;
  return 'other';
}

/**
 * First check-worthiness rule for relevant sentences: checkable when it carries a date or a figure, or a
 * diplomatic term (partnership, membership, agreement). Replaced by a trained model in the detection issue.
 */
export function ruleCheckworthiness(sentence: string, mentions: EntityMention[]): number {
  let score = 0.35;
  if (NUMBERISH.test(sentence)) score += 0.3;
  if (mentions.some((m) => m.kind === 'term')) score += 0.2;
  if (claimTypeOf(sentence) !== 'other') score += 0.15;
  return Math.min(1, score);
}
