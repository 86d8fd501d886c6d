import { dismissReasons, flagReasons, flagStatuses } from '@claimwatch/shared/domain';
import { z } from 'zod';
import { FlagDetail, FlagListItem } from '../review/flag.schemas.ts';
import { BULK_LIMIT } from './limits.ts';

/**
 * The triage API's contract. Like flag.schemas.ts it imports only zod, the domain and other schema
 * files, because the web UI imports its types.
 */

const isoDate = z.iso.datetime({ offset: true }).describe('ISO 8601 timestamp');
const optionalScore = z.coerce.number().min(0).max(1).optional();

/** One filter for the list, the bulk "all results" action and saved filters. */
export const TriageFilter = z.object({
  status: z.enum(flagStatuses).optional().describe('Only flags in this status; all statuses when absent.'),
  reason: z.enum(flagReasons).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'expected a language code such as vi or en')
    .optional()
    .describe("The document's detected language."),
  source: z.uuid().optional().describe('Only flags on documents of this source.'),
  entity: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'expected an entity id such as CN or ASEAN')
    .optional()
    .describe('Only claims naming this country or organisation (an id in claims.entities).'),
  from: isoDate.optional().describe('Flags detected at or after this time.'),
  to: isoDate.optional().describe('Flags detected before this time.'),
  minScore: optionalScore.describe('Score at least this.'),
  maxScore: optionalScore.describe('Score at most this.'),
});
export type TriageFilter = z.infer<typeof TriageFilter>;

export const TriageListQuery = TriageFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(300)
    .optional()
    .describe("The previous page's `nextCursor` (keyset pagination: stable while flags are added)."),
});
export type TriageListQuery = z.infer<typeof TriageListQuery>;

export const Person = z.object({ id: z.uuid(), name: z.string() });
export type Person = z.infer<typeof Person>;

export const LockInfo = z
  .object({ userId: z.uuid(), name: z.string(), expiresAt: isoDate })
  .describe('Who has the item (and its near-duplicate cluster) open, until when unless renewed.');
export type LockInfo = z.infer<typeof LockInfo>;

export const TriageListItem = FlagListItem.extend({
  source: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dismissReason: z.enum(dismissReasons).nullable(),
  assignedTo: Person.nullable(),
  lock: LockInfo.nullable(),
});
export type TriageListItem = z.infer<typeof TriageListItem>;

export const TriagePage = z.object({
  items: z.array(TriageListItem).describe('Highest priority first, then newest, then by id.'),
  total: z.number().int().describe('How many flags match the filter, across all pages.'),
  nextCursor: z.string().nullable(),
  asOf: isoDate.describe('Server time of this answer: the live stream counts flags created after it.'),
});
export type TriagePage = z.infer<typeof TriagePage>;

export const TriageParams = z.object({ id: z.uuid() });

export const decisionActions = ['confirm', 'dismiss', 'escalate', 'assign_to_me'] as const;
export type DecisionAction = (typeof decisionActions)[number];

export const Decision = z
  .object({
    action: z.enum(decisionActions),
    dismissReason: z.enum(dismissReasons).optional().describe('Required when action is dismiss.'),
  })
  .refine((d) => d.action !== 'dismiss' || d.dismissReason !== undefined, {
    message: 'dismissReason is required to dismiss',
    path: ['dismissReason'],
  });
export type Decision = z.infer<typeof Decision>;

export const BulkDecision = z
  .object({
    action: z.enum(decisionActions),
    dismissReason: z.enum(dismissReasons).optional(),
    ids: z.array(z.uuid()).min(1).max(BULK_LIMIT).optional(),
    filter: TriageFilter.optional().describe('Every flag matching this filter (server-side).'),
  })
  .refine((d) => d.action !== 'dismiss' || d.dismissReason !== undefined, {
    message: 'dismissReason is required to dismiss',
    path: ['dismissReason'],
  })
  .refine((d) => (d.ids === undefined) !== (d.filter === undefined), {
    message: 'give either ids or filter',
    path: ['ids'],
  });
export type BulkDecision = z.infer<typeof BulkDecision>;

export const DecisionResult = z.object({
  action: z.enum([...decisionActions, 'undo']),
  changed: z.array(z.uuid()).describe('Flags this action changed.'),
  skippedLocked: z.array(z.uuid()).describe('Flags left alone because another person has them open.'),
  unchanged: z.array(z.uuid()).describe('Flags already in the requested state, or changed since by someone.'),
});
export type DecisionResult = z.infer<typeof DecisionResult>;

export const Note = z.object({
  id: z.uuid(),
  body: z.string(),
  author: Person.nullable(),
  createdAt: isoDate,
});
export type Note = z.infer<typeof Note>;
export const NewNote = z.object({ body: z.string().trim().min(1).max(5000) });

export const SavedFilter = z.object({
  id: z.uuid(),
  name: z.string(),
  filter: TriageFilter,
  createdAt: isoDate,
});
export type SavedFilter = z.infer<typeof SavedFilter>;
export const NewSavedFilter = z.object({ name: z.string().trim().min(1).max(100), filter: TriageFilter });
export type NewSavedFilter = z.infer<typeof NewSavedFilter>;

export const ReferenceMatch = z.object({
  kind: z.enum(['verified_fact', 'known_narrative', 'claim_review', 'response']),
  id: z.string(),
  version: z.number().int(),
  score: z.number(),
  text: z.object({ vi: z.string().nullable(), en: z.string().nullable() }),
  sources: z.array(z.object({ url: z.string(), title: z.string().nullable() })),
});
export type ReferenceMatch = z.infer<typeof ReferenceMatch>;

export const Appearance = z.object({
  documentId: z.uuid(),
  url: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  match: z.enum(['first', 'exact', 'near']),
  similarity: z.number(),
  appearedAt: isoDate,
});
export type Appearance = z.infer<typeof Appearance>;

export const TriageItem = FlagDetail.extend({
  triage: z.object({
    dismissReason: z.enum(dismissReasons).nullable(),
    assignedTo: Person.nullable(),
    decidedBy: Person.nullable(),
    firstSeenAt: isoDate.nullable(),
    lock: LockInfo.nullable(),
    references: z
      .array(ReferenceMatch)
      .describe('Verified facts, known narratives and past responses matched, with sources.'),
    appearances: z.array(Appearance).describe('Other outlets carrying the same story (near-duplicates).'),
    snapshot: z
      .object({ fetchedAt: isoDate, sha256: z.string(), href: z.string() })
      .nullable()
      .describe('The archived copy of the page, served as inert plain text.'),
    notes: z.array(Note),
  }),
});
export type TriageItem = z.infer<typeof TriageItem>;

export const LockResult = z.object({ lock: LockInfo });

export const Facets = z.object({
  sources: z.array(z.object({ id: z.uuid(), name: z.string() })),
  entities: z.array(z.object({ id: z.string(), kind: z.string().nullable() })),
});
export type Facets = z.infer<typeof Facets>;
