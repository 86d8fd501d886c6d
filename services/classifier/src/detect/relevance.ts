import type { EntityMention } from './gazetteer/gazetteer.ts';
import { foldDiacritics } from './normalise-text.ts';

export const VIETNAM = 'VN';

/**
 * Why a sentence is (or is not) about Vietnam's foreign relations: a score in [0, 1], the partners named
 * and the triggers (entity ids and cue words) behind the score.
 */
export type SentenceRelevance = {
  isRelevant: boolean;
  score: number;
  partners: string[];
  triggers: string[];
};

/** The annotation guide's context assumption: "hai bên", "the two sides"… mean Vietnam and a partner. */
const TWO_SIDES =
  /\b(?:cac ben|hai (?:ben|nuoc|quoc gia|nha lanh dao|ngoai truong|dan toc|chinh phu|bo truong|thu tuong|nguyen thu)|lanh dao hai nuoc|(?:both|the two) (?:sides|countries|nations|leaders|presidents|governments|foreign ministers|prime ministers|ministers|parties)|between their (?:countries|nations)|their two countries)\b/u;

/** Sport against foreign teams is not foreign relations (annotation guide 2.2). */
const SPORT =
  /\b(doi tuyen|tuyen viet nam|tran dau|chung ket|vo dich|sea games|aff cup|asean cup|world cup|v\.league|football|championship|semi-?final|national team|tournament)\b|\b\d+\s*-\s*\d+\b(?=.*\b(thang|thua|hoa|beat|lost|drew|win)\b)/u;

/** Vietnamese state voices: in a Vietnamese sentence, "Bộ Ngoại giao" or "Thủ tướng" alone is Vietnam's. */
const STATE_ROLES = new Set([
  'foreign_ministry',
  'foreign_minister',
  'spokesperson',
  'head_of_state',
  'head_of_government',
  'party_general_secretary',
  'embassy',
  'consulate',
  'ambassador',
]);
/** Term categories that describe relations between states (not regions or roles). */
const RELATION_CATEGORIES = new Set([
  'partnership_level',
  'relationship',
  'visit',
  'meeting',
  'agreement',
  'membership',
  'security',
  'economy',
  'maritime',
  'policy',
  'people',
]);

export const RELEVANCE_THRESHOLD = 0.5;

/**
 * Rules, strongest first: Vietnam with another state or organisation (1.0); Vietnam or "the two sides"
 * with a relations term, or a partner with a Vietnamese state voice or "the two sides" (0.7); Vietnam or a
 * partner alone (0.2).
 */
export function sentenceRelevance(mentions: EntityMention[], sentence = '', lang = ''): SentenceRelevance {
  const actors = mentions.filter((m) => m.kind === 'country' || m.kind === 'organisation');
  const terms = mentions.filter((m) => m.kind === 'term');
  const hasVietnam = actors.some((m) => m.id === VIETNAM);
  const partners = [...new Set(actors.filter((m) => m.id !== VIETNAM).map((m) => m.id))];
  const relationTerms = terms.filter(
    (t) => RELATION_CATEGORIES.has(t.category ?? '') && !STATE_ROLES.has(t.id),
  );
  const stateVoice = lang === 'vi' && terms.some((t) => STATE_ROLES.has(t.id));
  const twoSides = sentence ? TWO_SIDES.exec(foldDiacritics(sentence))?.[0] : undefined;
  const ids = (list: EntityMention[]) => [...new Set(list.map((m) => m.id))];
  const triggers = [...ids(actors), ...ids(relationTerms), ...(twoSides ? [`cue:${twoSides}`] : [])];
  // National figures ("xuất khẩu gạo của Việt Nam", "total FDI") need a named partner to be relations.
  const bilateralTerms = relationTerms.filter((t) => t.category !== 'economy');
  let score = 0;
  if (hasVietnam && partners.length > 0) score = 1;
  else if (twoSides) score = 0.7;
  else if (hasVietnam && bilateralTerms.length > 0) score = 0.7;
  // One foreign partner acting in a relations frame, as Vietnamese news reports it ("Nhật Bản viện trợ…").
  else if (partners.length === 1 && (stateVoice || (lang === 'vi' && relationTerms.length > 0))) score = 0.7;
  else if (hasVietnam || partners.length > 0) score = 0.2;
  if (score > 0 && sentence && SPORT.test(foldDiacritics(sentence))) {
    score = 0.2;
    triggers.push('cue:sport');
  }
  return { isRelevant: score >= RELEVANCE_THRESHOLD, score, partners, triggers };
}

/** Vietnamese or foreign state voices and forces, on the folded text: who speaks for a state. */
const STATE_ACTOR =
  /\b(ministry|minister|ministers|official|officials|spokes(?:wo)?man|spokesperson|navy|naval|army|coast guard|embassy|ambassador|government|president|bo ngoai giao|bo quoc phong|thu tuong|chu tich nuoc|tong bi thu|bo cong thuong|bo truong|thu truong|nguoi phat ngon|dai su|dai su quan|hai quan|quan doi|canh sat bien|chinh phu)\b/u;

export const CONTEXT_RELEVANCE = 0.6;

/** A term about relations between states (partnerships, visits, agreements, security…), not trade totals. */
export const hasRelationTerm = (mentions: EntityMention[]) =>
  mentions.some(
    (m) => m.kind === 'term' && RELATION_CATEGORIES.has(m.category ?? '') && m.category !== 'economy',
  );

/**
 * The annotation guide reads each sentence as taken from an article about Vietnam's diplomacy. In a
 * document that names Vietnam and is about its relations, a sentence with a relations term or a state
 * voice ("a senior Defence Ministry official told reporters…") is relevant even without a country name.
 */
export function withDocumentContext(
  relevance: SentenceRelevance,
  mentions: EntityMention[],
  sentence: string,
  isVietnamRelationsDocument: boolean,
): SentenceRelevance {
  if (relevance.isRelevant || !isVietnamRelationsDocument || relevance.triggers.includes('cue:sport'))
    return relevance;
  const folded = foldDiacritics(sentence);
  const relationTerm = hasRelationTerm(mentions);
  const voice = STATE_ACTOR.exec(folded)?.[0];
  if (!relationTerm && !voice) return relevance;
  return {
    ...relevance,
    isRelevant: true,
    score: Math.max(relevance.score, CONTEXT_RELEVANCE),
    triggers: [...relevance.triggers, 'context:document', ...(voice ? [`cue:${voice}`] : [])],
  };
}
