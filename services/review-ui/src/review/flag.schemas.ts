import { claimTypes, flagReasons, flagStatuses, publishedReliabilities } from '@claimwatch/shared/domain';
import { z } from 'zod';

/**
 * The flag API's contract: request schemas the server validates, and the only shapes that leave it.
 * The web UI imports the types from here (type-only), so this file imports nothing but zod and the domain.
 */

const isoDate = z.iso.datetime({ offset: true }).describe('ISO 8601 timestamp');

export const FlagListQuery = z.object({
  status: z.enum(flagStatuses).optional().describe('Only flags in this status; all statuses when absent.'),
  reason: z.enum(flagReasons).optional().describe('Only flags raised for this reason.'),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'expected a language code such as vi or en')
    .optional()
    .describe("Only flags on documents in this language (the document's detected language)."),
  // digest: the links behind the weekly digest's numbers
  source: z.uuid().optional().describe('Only flags on documents of this source.'),
  from: isoDate
    .optional()
    .describe('Only flags raised (or, with on=decided, decided) at or after this time.'),
  to: isoDate.optional().describe('…and before this time.'),
  on: z
    .enum(['created', 'decided'])
    .optional()
    .describe('Which timestamp from/to filter (default: created).'),
  model: z
    .string()
    .regex(/^[^@\s]{1,100}@[^@\s]{1,100}$/, 'expected model-id@revision')
    .optional()
    .describe('Only flags raised by this model revision (`id@revision`).'),
  shadow: z
    .string()
    .regex(/^[^@\s]{1,100}@[^@\s]{1,100}$/, 'expected model-id@revision')
    .optional()
    .describe('Only flags whose claim this shadow model revision (`id@revision`) scored.'),
  shadowFlag: z
    .enum(['yes', 'no'])
    .optional()
    .describe('With shadow: only flags whose claim the shadow model would (yes) or would not (no) flag.'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type FlagListQuery = z.infer<typeof FlagListQuery>;

export const FlagParams = z.object({ id: z.uuid() });

export const ModelRef = z.object({ id: z.string(), revision: z.string() });
export type ModelRef = z.infer<typeof ModelRef>;

export const FlagListItem = z.object({
  id: z.uuid(),
  status: z.enum(flagStatuses),
  reason: z.enum(flagReasons),
  score: z.number(),
  priority: z.number(),
  createdAt: isoDate,
  claimText: z.string(),
  document: z.object({
    id: z.uuid(),
    title: z.string().nullable(),
    url: z.string(),
    lang: z.string().nullable(),
    publishedAt: isoDate.nullable(),
  }),
});
export type FlagListItem = z.infer<typeof FlagListItem>;

export const FlagPage = z.object({
  items: z.array(FlagListItem).describe('Highest priority first, then newest.'),
  limit: z.number().int(),
  offset: z.number().int(),
  hasMore: z.boolean(),
});
export type FlagPage = z.infer<typeof FlagPage>;

export const Evidence = z
  .object({
    sentence: z.string().nullable(),
    explanation: z.object({ vi: z.string().nullable(), en: z.string().nullable() }),
    thresholds: z.record(z.string(), z.number()),
    matches: z
      .array(z.unknown())
      .describe('Verified facts, known narratives or past responses the claim was matched to.'),
    calibration: z
      .object({
        calibrated: z.boolean(),
        section: z.string().nullable(),
        mismatched: z.array(z.string()),
      })
      .nullable()
      .describe(
        'Whether the thresholds in force were calibrated for the models that ran (null: not recorded).',
      ),
  })
  .describe(
    'Why the flag was raised, as the classifier recorded it; fields it did not record are null or empty.',
  );
export type Evidence = z.infer<typeof Evidence>;

export const FlagDetail = z.object({
  id: z.uuid(),
  status: z.enum(flagStatuses),
  reason: z.enum(flagReasons),
  score: z.number(),
  priority: z.number(),
  createdAt: isoDate,
  updatedAt: isoDate,
  decidedAt: isoDate.nullable(),
  evidence: Evidence,
  models: z.array(ModelRef).describe('The models whose output raised this flag.'),
  claim: z.object({
    id: z.uuid(),
    text: z.string(),
    type: z.enum(claimTypes),
    checkworthiness: z.number(),
    model: ModelRef,
  }),
  document: z.object({
    id: z.uuid(),
    title: z.string().nullable(),
    url: z.string(),
    canonicalUrl: z.string().nullable(),
    lang: z.string().nullable(),
    publishedAt: isoDate.nullable(),
    publishedReliability: z.enum(publishedReliabilities),
    text: z.string().describe('The article as plain text (NFC). Render it as text, never as HTML.'),
  }),
  highlight: z
    .object({ start: z.number().int(), end: z.number().int() })
    .nullable()
    .describe('Where the claim sits in document.text (UTF-16 offsets); null when it cannot be found.'),
  classification: z
    .object({
      lang: z.string().nullable(),
      langScore: z.number().nullable(),
      relevance: z.number(),
      modelSet: z.string(),
      models: z.array(ModelRef),
      classifiedAt: isoDate,
    })
    .nullable(),
});
export type FlagDetail = z.infer<typeof FlagDetail>;
