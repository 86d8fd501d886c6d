/** Reference data statuses and kinds, mirrored by check constraints (see schema.int.test.ts). */

export const factKinds = [
  'diplomatic_relations',
  'partnership',
  'membership',
  'agreement',
  'defence_policy',
  'figure',
  'other',
] as const;
export type FactKind = (typeof factKinds)[number];

/** A retired reference stays for history and old flags' evidence but is no longer matched. */
export const referenceStatuses = ['active', 'retired'] as const;
export type ReferenceStatus = (typeof referenceStatuses)[number];

/** What a flag can cite as evidence. */
export const referenceKinds = ['verified_fact', 'known_narrative', 'claim_review', 'response'] as const;
export type ReferenceKind = (typeof referenceKinds)[number];

/** A primary source a reference rests on. */
export type ReferenceSource = { url: string; title: string; publisher?: string | null; date?: string | null };

/** A quantity as stored on a figure fact: `value × scale` `unit`, for `metric` in `year`. */
export type FactQuantity = {
  value: number;
  unit: string;
  scale: number;
  metric: string;
  year: number | null;
};

/** The comparable form of a fact: ISO dates at the precision the sources support (YYYY, YYYY-MM, YYYY-MM-DD). */
export type FactStructure = {
  parties: string[];
  relation: string;
  level: string | null;
  organisation: string | null;
  date: string | null;
  quantity: FactQuantity | null;
  validFrom: string | null;
  validTo: string | null;
};

export type VerifiedFact = {
  id: string;
  kind: FactKind;
  structured: FactStructure;
  text: { vi: string; en: string };
  sources: ReferenceSource[];
  tags: string[];
  status: ReferenceStatus;
};

export type KnownNarrative = {
  id: string;
  title: { vi: string; en: string };
  description: { vi: string; en: string };
  examplePhrasings: { lang: string; text: string }[];
  refutedBy: string[];
  firstSeen: string | null;
  status: ReferenceStatus;
};
