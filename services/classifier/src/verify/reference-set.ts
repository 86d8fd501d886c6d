import type { KnownNarrative, VerifiedFact } from '@claimwatch/shared/domain';
import type { EntityFinder } from './match/analyse-text.ts';
import type { Ranker } from './match/linear-ranker.ts';
import { createMatcher, type Matcher } from './match/match-references.ts';
import type { Phrasing } from './match/phrasing-index.ts';
import { analyseQuery, type ReferenceIndex } from './match/reference-index.ts';
import { type IndexedFact, indexFacts } from './verdict/structured-verdicts.ts';

/**
 * Everything verification compares claims with, built once per reference-data version: the facts (with
 * their ids and cues for structured verdicts) and lexical indexes over facts (vi + en text) and over
 * narratives (title, description and every example phrasing, each its own entry).
 */
export type ReferenceSet = {
  facts: IndexedFact[];
  narratives: KnownNarrative[];
  versions: ReadonlyMap<string, number>;
  /** `claimId>referenceId` of every confirmed phrasing and answered claim remembered (for the revision). */
  memoryKeys: readonly string[];
  factMatcher: Matcher;
  narrativeMatcher: Matcher;
  /** Claims that approved responses answered, one entry per (response, claim). */
  answeredMatcher: Matcher;
  findEntities: EntityFinder;
};

export type VersionedFact = VerifiedFact & { version?: number };
export type VersionedNarrative = KnownNarrative & { version?: number };

/** A claim a reviewer confirmed against a fact or narrative (see `listConfirmedPhrasings`). */
export type ConfirmedLink = { referenceId: string; claimId: string; text: string };
/** A claim an approved or published response answered (see `listAnsweredClaims`). */
export type AnsweredLink = { responseId: string; claimId: string; text: string };

export type ReferenceSetOptions = {
  ranker?: Ranker | undefined;
  /** What people decided so far: confirmed claims become phrasings, answered claims become references. */
  confirmed?: readonly ConfirmedLink[] | undefined;
  answered?: readonly AnsweredLink[] | undefined;
};

export function buildReferenceSet(
  facts: readonly VersionedFact[],
  narratives: readonly VersionedNarrative[],
  findEntities: EntityFinder,
  options: ReferenceSetOptions = {},
): ReferenceSet {
  const { ranker, confirmed = [], answered = [] } = options;
  const active = facts.filter((f) => f.status === 'active');
  const activeNarratives = narratives.filter((n) => n.status === 'active');
  const versions = new Map<string, number>();
  for (const f of active) versions.set(f.id, f.version ?? 1);
  for (const n of activeNarratives) versions.set(n.id, n.version ?? 1);
  const phrasingsOf = new Map<string, Phrasing[]>();
  const memoryKeys: string[] = answered.map((a) => `${a.claimId}>${a.responseId}`);
  for (const link of confirmed) {
    if (!versions.has(link.referenceId)) continue; // retired since it was confirmed
    if (!phrasingsOf.has(link.referenceId)) phrasingsOf.set(link.referenceId, []);
    phrasingsOf.get(link.referenceId)!.push({ text: link.text, source: link.claimId });
    memoryKeys.push(`${link.claimId}>${link.referenceId}`);
  }
  return {
    facts: indexFacts(active, findEntities),
    narratives: activeNarratives,
    versions,
    memoryKeys,
    factMatcher: createMatcher(
      active.map((f) => ({ id: f.id, text: `${f.text.vi} ${f.text.en}`, phrasings: phrasingsOf.get(f.id) })),
      { findEntities, ranker },
    ),
    narrativeMatcher: createMatcher(
      activeNarratives.flatMap((n) => [
        { id: `${n.id}#title`, text: `${n.title.vi} ${n.title.en}`, phrasings: phrasingsOf.get(n.id) },
        ...n.examplePhrasings.map((p, i) => ({ id: `${n.id}#${i}`, text: p.text })),
        // A claim a reviewer confirmed as repeating the narrative is one more example of how it is told.
        ...(phrasingsOf.get(n.id) ?? []).map((p) => ({ id: `${n.id}#confirmed:${p.source}`, text: p.text })),
      ]),
      { findEntities, ranker },
    ),
    answeredMatcher: createMatcher(
      answered.map((a) => ({ id: `${a.responseId}#${a.claimId}`, text: a.text })),
      { findEntities, ranker },
    ),
    findEntities,
  };
}

/**
 * How much of a reference a claim covers, in [0, 1]: the IDF-weighted share of the reference's stems, its
 * stem pairs and its language-neutral ids (entities, terms) found in the claim. Unlike BM25 it is
 * comparable across queries, so thresholds can be calibrated on it.
 */
export function coverageSimilarity(index: ReferenceIndex, text: string, doc: number): number {
  const q = analyseQuery(index, text);
  const stems = index.indexes['all.stems'].compare(q.prepared['all.stems'], doc);
  const bigrams = index.indexes['all.bigrams'].compare(q.prepared['all.bigrams'], doc);
  const ids = index.indexes['all.ids'].compare(q.prepared['all.ids'], doc);
  const idsWeight = q.views.ids.length > 0 ? 0.3 : 0;
  return (
    (0.5 * stems.docCoverage + 0.2 * bigrams.docCoverage + idsWeight * ids.docCoverage) / (0.7 + idsWeight)
  );
}

export type ReferenceHit = { id: string; score: number; lexical: number; lexicalRank: number };

/** Top references by lexical retrieval, each with its coverage similarity as the calibrated score. */
export function findReferences(matcher: Matcher, text: string, k: number): ReferenceHit[] {
  const docOf = new Map(matcher.index.references.map((r, i) => [r.id, i]));
  return matcher
    .match(text, k)
    .map((m) => ({
      id: m.id,
      score: coverageSimilarity(matcher.index, text, docOf.get(m.id)!),
      lexical: m.lexical,
      lexicalRank: m.lexicalRank,
    }))
    .sort((a, b) => b.score - a.score);
}

/** Best entry per reference for matchers whose entries are `<reference id>#<part>`. */
function bestPerReference(matcher: Matcher, text: string, k: number): ReferenceHit[] {
  const best = new Map<string, ReferenceHit>();
  for (const hit of findReferences(matcher, text, 20)) {
    const id = hit.id.slice(0, hit.id.lastIndexOf('#'));
    const seen = best.get(id);
    if (!seen || hit.score > seen.score) best.set(id, { ...hit, id });
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, k);
}

/** Best narrative per narrative id (its phrasings and title compete; the best one counts). */
export const findNarratives = (set: ReferenceSet, text: string, k = 3): ReferenceHit[] =>
  bestPerReference(set.narrativeMatcher, text, k);

/** Approved responses that answered a claim like this one, best first (scored against the answered claim). */
export const findPastResponses = (set: ReferenceSet, text: string, k = 3): ReferenceHit[] =>
  set.answeredMatcher.index.references.length === 0 ? [] : bestPerReference(set.answeredMatcher, text, k);
