import type { EntityMention } from './gazetteer/gazetteer.ts';

export const VIETNAM = 'VN';

export type SentenceRelevance = { isRelevant: boolean; partners: string[] };

/**
 * First relevance rule: a sentence is about Vietnam's foreign relations when it names Vietnam together
 * with another state or an international organisation.
 */
export function sentenceRelevance(mentions: EntityMention[]): SentenceRelevance {
  const actors = mentions.filter((m) => m.kind === 'country' || m.kind === 'organisation');
  const hasVietnam = actors.some((m) => m.id === VIETNAM);
  const partners = [...new Set(actors.filter((m) => m.id !== VIETNAM).map((m) => m.id))];
  return { isRelevant: hasVietnam && partners.length > 0, partners };
}
