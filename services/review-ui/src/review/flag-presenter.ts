import type { FlagListItem as FlagListRow, JsonValue } from '@claimwatch/shared/db';
import { locateClaim } from './claim-span.ts';
import type { Evidence, FlagDetail, FlagListItem, ModelRef } from './flag.schemas.ts';
import type { FlagDetailData } from './load-flag-detail.ts';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const stringOrNull = (v: JsonValue | undefined) => (typeof v === 'string' ? v : null);

export function presentFlagListItem(row: FlagListRow): FlagListItem {
  return {
    id: row.id,
    status: row.status,
    reason: row.reason,
    score: row.score,
    priority: row.priority,
    createdAt: iso(row.created_at),
    claimText: row.claim_text,
    document: {
      id: row.document_id,
      title: row.document_title,
      url: row.document_url,
      lang: row.document_lang,
      publishedAt: isoOrNull(row.published_at),
    },
  };
}

/** Evidence is JSON the classifier wrote; read only the fields we know and tolerate their absence. */
export function presentEvidence(evidence: JsonValue): Evidence {
  const e = isObject(evidence) ? evidence : {};
  const explanation = isObject(e.explanation) ? e.explanation : {};
  const thresholds: Record<string, number> = {};
  if (isObject(e.thresholds))
    for (const [k, v] of Object.entries(e.thresholds)) if (typeof v === 'number') thresholds[k] = v;
  return {
    sentence: stringOrNull(e.sentence),
    explanation: { vi: stringOrNull(explanation.vi), en: stringOrNull(explanation.en) },
    thresholds,
    matches: Array.isArray(e.matches) ? e.matches : [],
    calibration: presentCalibration(e.calibration),
  };
}

function presentCalibration(v: JsonValue | undefined): Evidence['calibration'] {
  if (!isObject(v) || typeof v.calibrated !== 'boolean') return null;
  return {
    calibrated: v.calibrated,
    section: stringOrNull(v.section),
    mismatched: Array.isArray(v.mismatched) ? v.mismatched.filter((m) => typeof m === 'string') : [],
  };
}

export function presentModels(models: JsonValue): ModelRef[] {
  if (!Array.isArray(models)) return [];
  return models.flatMap((m) =>
    isObject(m) && typeof m.id === 'string' ? [{ id: m.id, revision: String(m.revision ?? '') }] : [],
  );
}

export function presentFlagDetail({ flag, claim, document, classification }: FlagDetailData): FlagDetail {
  // Claim offsets index the NFC text the classifier saw; show that same text.
  const text = document.text.normalize('NFC');
  return {
    id: flag.id,
    status: flag.status,
    reason: flag.reason,
    score: flag.score,
    priority: flag.priority,
    createdAt: iso(flag.created_at),
    updatedAt: iso(flag.updated_at),
    decidedAt: isoOrNull(flag.decided_at),
    evidence: presentEvidence(flag.evidence),
    models: presentModels(flag.models),
    claim: {
      id: claim.id,
      text: claim.text,
      type: claim.claim_type,
      checkworthiness: claim.checkworthiness,
      model: { id: claim.model_id, revision: claim.model_revision },
    },
    document: {
      id: document.id,
      title: document.title,
      url: document.url,
      canonicalUrl: document.canonical_url,
      lang: document.lang,
      publishedAt: isoOrNull(document.published_at),
      publishedReliability: document.published_reliability,
      text,
    },
    highlight: locateClaim(text, { start: claim.start_offset, end: claim.end_offset, text: claim.text }),
    classification: classification
      ? {
          lang: classification.lang,
          langScore: classification.lang_score,
          relevance: classification.relevance,
          modelSet: classification.model_set,
          models: presentModels(classification.models),
          classifiedAt: iso(classification.classified_at),
        }
      : null,
  };
}
