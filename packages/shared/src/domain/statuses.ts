/**
 * Every status-like column, as a string-literal union mirrored by a PostgreSQL check constraint.
 * `db/check-constraints.int.test.ts` keeps the two in agreement.
 */

export const sourceKinds = ['feed', 'sitemap', 'listing', 'homepage', 'url'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const pageStatuses = ['discovered', 'fetched', 'extracted', 'failed', 'skipped'] as const;
export type PageStatus = (typeof pageStatuses)[number];

/** How a fetch ended; the failure kinds decide retries (see errors/). */
export const fetchOutcomes = ['ok', 'not_modified', 'permanent', 'transient', 'politeness', 'bug'] as const;
export type FetchOutcome = (typeof fetchOutcomes)[number];

/** `duplicate`: an exact or near copy of a document already stored (see cluster_appearances); not classified. */
export const documentStatuses = ['extracted', 'classified', 'failed', 'duplicate'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** How a document joined its cluster: it started it, or is an exact or near copy of its representative. */
export const appearanceMatches = ['first', 'exact', 'near'] as const;
export type AppearanceMatch = (typeof appearanceMatches)[number];

export const publishedReliabilities = ['high', 'medium', 'low', 'none'] as const;
export type PublishedReliability = (typeof publishedReliabilities)[number];

export const claimTypes = [
  'relations_established',
  'partnership_level',
  'membership',
  'visit_meeting',
  'agreement_signed',
  'figure',
  'quote',
  'other',
] as const;
export type ClaimType = (typeof claimTypes)[number];

export const flagReasons = [
  'contradicts_verified_fact',
  'repeats_known_narrative',
  'unverified_checkworthy',
] as const;
export type FlagReason = (typeof flagReasons)[number];

/** Models only ever write `suggested`; people move a flag on. */
export const flagStatuses = ['suggested', 'confirmed', 'dismissed', 'escalated'] as const;
export type FlagStatus = (typeof flagStatuses)[number];

export const roles = ['monitor', 'writer', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Why a monitor dismissed a suggested flag (the digest reports them per model version). */
export const dismissReasons = [
  'not_a_claim',
  'not_relevant',
  'claim_is_true',
  'wrong_reference',
  'duplicate',
  'other',
] as const;
export type DismissReason = (typeof dismissReasons)[number];

export const responseTemplates = ['official_statement', 'social_reply', 'qa_explainer'] as const;
export type ResponseTemplate = (typeof responseTemplates)[number];

export const verdictLabels = ['false', 'misleading', 'missing_context', 'unverified', 'true'] as const;
export type VerdictLabel = (typeof verdictLabels)[number];

/** draft → in_review → approved → published (exported, never posted anywhere by the system). */
export const responseStatuses = ['draft', 'in_review', 'approved', 'published'] as const;
export type ResponseStatus = (typeof responseStatuses)[number];

export const citationKinds = ['verified_fact', 'source'] as const;
export type CitationKind = (typeof citationKinds)[number];
