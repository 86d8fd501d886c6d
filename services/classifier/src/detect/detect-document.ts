import type { DetectedClaim, DocumentDetection, ModelRef } from '@claimwatch/shared/db';
import { type ActiveModels, modelSetOf, RULES_MODEL } from '../models/active-models.ts';
import { loadBuiltInActiveModels } from '../models/built-in.ts';
import { claimTypeOf, ruleCheckworthiness } from './claim-features.ts';
import { type DateMention, findDates } from './dates.ts';
import type { EntityMention, Gazetteer } from './gazetteer/gazetteer.ts';
import { identifyLanguage, LANGUAGE_MODEL } from './identify-language.ts';
import { nfc, normaliseToneMarks } from './normalise-text.ts';
import { findQuantities, type QuantityMention } from './quantities.ts';
import { hasRelationTerm, sentenceRelevance, VIETNAM, withDocumentContext } from './relevance.ts';
import { segmentSentences } from './segment-sentences.ts';

export type { DateMention, EntityMention, QuantityMention };
export { RULES_MODEL };

/**
 * What `claims.entities`, `claims.dates` and `claims.quantities` hold for each claim: offsets index into
 * the claim's sentence (`claims.text`), not the document.
 */
export type ClaimEntity = EntityMention;
export type ClaimDate = DateMention;
export type ClaimQuantity = QuantityMention;

export type DetectionInput = {
  documentId: string;
  text: string;
  title: string | null;
  declaredLang: string | null;
};

/** A relevant sentence before storage, with everything the claim row needs. */
export type SentenceDetection = {
  start: number;
  end: number;
  text: string;
  relevance: number;
  triggers: string[];
  entities: ClaimEntity[];
  dates: ClaimDate[];
  quantities: ClaimQuantity[];
};

/**
 * Language, relevance and claim spans of one document. `text` is taken in NFC (the stored form); claim
 * offsets index into it. Every relevant sentence becomes a claim with its check-worthiness score, type,
 * entities, dates and quantities; the score names the model that produced it.
 */
export async function detectDocument(
  gazetteer: Gazetteer,
  input: DetectionInput,
  activeModels?: ActiveModels,
): Promise<DocumentDetection> {
  const active = activeModels ?? (await loadBuiltInActiveModels());
  const text = nfc(input.text);
  const language = await identifyLanguage(text.trim() ? text : (input.title ?? ''));
  // A source's declared language settles what the text cannot (empty or too short to say).
  const lang =
    input.declaredLang && (language.lang === 'und' || language.score < 0.3)
      ? input.declaredLang
      : language.lang;
  const sentences = segmentSentences(text, lang);
  const analysed = sentences.map((sentence) => {
    // Same length as the sentence (tone-mark placement only), so mention offsets hold.
    const matchable = normaliseToneMarks(sentence.text);
    const entities = gazetteer
      .find(matchable)
      .map((m) => ({ ...m, surface: sentence.text.slice(m.start, m.end) }));
    return { sentence, matchable, entities, relevance: sentenceRelevance(entities, matchable, lang) };
  });
  // The title is context (it is not part of the stored text, so it yields no claim of its own).
  const title = input.title ? normaliseToneMarks(nfc(input.title)) : '';
  const titleMentions = title ? gazetteer.find(title) : [];
  const titleRelevance = sentenceRelevance(titleMentions, title, lang);
  // A document that names Vietnam and, outside sport, a partner or a relations term is about its relations.
  const isVietnamRelationsDocument =
    (titleRelevance.isRelevant && !titleRelevance.triggers.includes('cue:sport')) ||
    ([titleMentions, ...analysed.map((a) => a.entities)].some((list) => list.some((m) => m.id === VIETNAM)) &&
      analysed.some(
        (a) =>
          !a.relevance.triggers.includes('cue:sport') &&
          (a.relevance.isRelevant || a.relevance.partners.length > 0 || hasRelationTerm(a.entities)),
      ));
  const relevant: SentenceDetection[] = [];
  for (const { sentence, matchable, entities, relevance: own } of analysed) {
    const relevance = withDocumentContext(own, entities, matchable, isVietnamRelationsDocument);
    if (!relevance.isRelevant) continue;
    const dates = findDates(sentence.text);
    relevant.push({
      ...sentence,
      relevance: relevance.score,
      triggers: relevance.triggers,
      entities,
      dates,
      quantities: findQuantities(sentence.text, lang, dates),
    });
  }
  // Outside the languages the model was trained on, its n-grams mean little: the rules score instead,
  // and the claim says so in its provenance.
  const covered = active.checkworthiness.languages.some((l) => l === '*' || l === lang);
  const scores =
    relevant.length === 0
      ? []
      : covered
        ? await active.checkworthiness.score(relevant.map((s) => s.text))
        : relevant.map((s) => ruleCheckworthiness(s.text, s.entities));
  const scorer: ModelRef = covered ? active.checkworthiness.model : RULES_MODEL;
  const claims: DetectedClaim[] = relevant.map((s, i) => ({
    start: s.start,
    end: s.end,
    text: s.text,
    checkworthiness: Number(scores[i]!.toFixed(6)),
    type: claimTypeOf(s.text, s.entities, s.quantities),
    entities: s.entities,
    dates: s.dates,
    quantities: s.quantities,
    model: scorer,
  }));
  const triggers = [...new Set(relevant.flatMap((s) => s.triggers))];
  // Share of relevant sentences among the first few, so a long article with one passing mention ranks lower.
  const relevance = sentences.length === 0 ? 0 : Math.min(1, relevant.length / Math.min(sentences.length, 3));
  const models: ModelRef[] = active.models.length > 0 ? active.models : [LANGUAGE_MODEL, RULES_MODEL, scorer];
  return {
    documentId: input.documentId,
    lang,
    langScore: language.score,
    relevance,
    relevanceTriggers: triggers,
    models,
    modelSet: active.modelSet || modelSetOf(models),
    claims,
  };
}
