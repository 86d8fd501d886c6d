import type { DetectedClaim, DocumentDetection, ModelRef } from '@claimwatch/shared/db';
import { claimTypeOf, ruleCheckworthiness } from './claim-features.ts';
import type { Gazetteer } from './gazetteer/gazetteer.ts';
import { identifyLanguage, LANGUAGE_MODEL } from './identify-language.ts';
import { nfc } from './normalise-text.ts';
import { sentenceRelevance } from './relevance.ts';
import { segmentSentences } from './segment-sentences.ts';

export const RULES_MODEL: ModelRef = { id: 'claimwatch-rules-relevance', revision: '1' };

/** Identifies the detector versions; stored with results so a change re-classifies. */
export const DETECTION_MODEL_SET = `${RULES_MODEL.id}@${RULES_MODEL.revision}+${LANGUAGE_MODEL.id}`;

export type DetectionInput = {
  documentId: string;
  text: string;
  title: string | null;
  declaredLang: string | null;
};

/** Language, relevance and claim spans of one document. Offsets index into `text` as given. */
export async function detectDocument(
  gazetteer: Gazetteer,
  input: DetectionInput,
): Promise<DocumentDetection> {
  const text = nfc(input.text);
  const language = await identifyLanguage(text);
  const sentences = segmentSentences(text, language.lang);
  const claims: DetectedClaim[] = [];
  const triggers = new Set<string>();
  for (const sentence of sentences) {
    const mentions = gazetteer.find(sentence.text);
    const relevance = sentenceRelevance(mentions);
    if (!relevance.isRelevant) continue;
    for (const m of mentions) triggers.add(m.id);
    claims.push({
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      checkworthiness: ruleCheckworthiness(sentence.text, mentions),
      type: claimTypeOf(sentence.text),
      entities: mentions.map((m) => ({
        id: m.id,
        kind: m.kind,
        start: m.start,
        end: m.end,
        surface: m.surface,
      })),
      dates: [],
      quantities: [],
      model: RULES_MODEL,
    });
  }
  const relevance = sentences.length === 0 ? 0 : Math.min(1, claims.length / Math.min(sentences.length, 3));
  return {
    documentId: input.documentId,
    lang: language.lang,
    langScore: language.score,
    relevance,
    relevanceTriggers: [...triggers],
    models: [RULES_MODEL, LANGUAGE_MODEL],
    modelSet: DETECTION_MODEL_SET,
    claims,
  };
}
