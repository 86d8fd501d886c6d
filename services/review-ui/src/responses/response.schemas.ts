import { citationKinds, responseStatuses, responseTemplates, verdictLabels } from '@claimwatch/shared/domain';
import { z } from 'zod';
import {
  CITATION_QUOTE_MAX_LENGTH,
  CITATION_TITLE_MAX_LENGTH,
  CITATION_URL_MAX_LENGTH,
  CITATIONS_MAX,
  isHttpUrl,
} from './citation-rules.ts';

/**
 * The responses API's contract. The web UI imports the types from here (type-only), so this file
 * imports nothing but zod and the domain.
 */

const isoDate = z.iso.datetime({ offset: true }).describe('ISO 8601 timestamp');

/** A short social reply must fit a post: each language side at most this many characters. */
export const SOCIAL_REPLY_MAX_LENGTH = 280;
export const RESPONSE_TEXT_MAX_LENGTH = 20_000;

export const ResponseParams = z.object({ id: z.uuid() });

export const Citation = z
  .object({
    kind: z.enum(citationKinds),
    factId: z.string().max(200).nullable().default(null),
    url: z.string().max(CITATION_URL_MAX_LENGTH).nullable().default(null),
    title: z.string().max(CITATION_TITLE_MAX_LENGTH).nullable().default(null),
    quote: z
      .string()
      .max(CITATION_QUOTE_MAX_LENGTH)
      .nullable()
      .default(null)
      .describe('A passage that must appear in the archived snapshot of `url`.'),
  })
  .refine((c) => (c.kind === 'verified_fact' ? !!c.factId : !!c.url), {
    message: 'a verified_fact citation needs factId, a source citation needs url',
  })
  .refine((c) => c.url === null || isHttpUrl(c.url), { message: 'url must be http(s)' });
export type Citation = z.infer<typeof Citation>;

export const CreateResponseBody = z.object({
  flagIds: z.array(z.uuid()).min(1).max(20).describe('The flags (claims) the response answers.'),
  template: z.enum(responseTemplates),
  verdictLabel: z
    .enum(verdictLabels)
    .optional()
    .describe("Defaults from the first flag's reason (contradicts a fact → false, narrative → misleading)."),
});
export type CreateResponseBody = z.infer<typeof CreateResponseBody>;

export const UpdateResponseBody = z.object({
  version: z.number().int().min(1).describe('The version being edited; a stale one answers 409 conflict.'),
  textVi: z.string().max(RESPONSE_TEXT_MAX_LENGTH).optional(),
  textEn: z.string().max(RESPONSE_TEXT_MAX_LENGTH).optional(),
  verdictLabel: z.enum(verdictLabels).optional(),
  citations: z
    .array(Citation)
    .max(CITATIONS_MAX)
    .optional()
    .describe('The whole new citation list, in order (position 0 first); omitted: unchanged.'),
});
export type UpdateResponseBody = z.infer<typeof UpdateResponseBody>;

export const ResponseListQuery = z.object({
  status: z.enum(responseStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const Person = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

export const ResponseListItem = z.object({
  id: z.uuid(),
  template: z.enum(responseTemplates),
  verdictLabel: z.enum(verdictLabels),
  status: z.enum(responseStatuses),
  version: z.number().int(),
  title: z.string().describe('The first claim answered.'),
  createdBy: Person,
  updatedAt: isoDate,
});
export type ResponseListItem = z.infer<typeof ResponseListItem>;

export const ResponsePage = z.object({
  items: z.array(ResponseListItem),
  limit: z.number().int(),
  offset: z.number().int(),
  hasMore: z.boolean(),
});
export type ResponsePage = z.infer<typeof ResponsePage>;

export const AnsweredClaim = z.object({
  flagId: z.uuid(),
  claimText: z.string(),
  documentTitle: z.string().nullable(),
  documentUrl: z.string(),
  publishedAt: isoDate.nullable(),
});

export const Alignment = z
  .object({
    changedSide: z.enum(['vi', 'en']),
    staleSide: z.enum(['vi', 'en']),
    since: z.enum(['approval', 'edit']),
  })
  .nullable()
  .describe(
    'Set when one language side changed after the other was approved (since=approval) or last edited (since=edit).',
  );
export type Alignment = z.infer<typeof Alignment>;

export const ResponseDetail = z.object({
  id: z.uuid(),
  template: z.enum(responseTemplates),
  verdictLabel: z.enum(verdictLabels),
  status: z.enum(responseStatuses),
  version: z.number().int(),
  textVi: z.string(),
  textEn: z.string(),
  textViUpdatedAt: isoDate.nullable(),
  textEnUpdatedAt: isoDate.nullable(),
  lengthLimit: z.number().int().nullable().describe('Characters allowed per language side, if any.'),
  claims: z.array(AnsweredClaim),
  citations: z.array(
    z.object({
      kind: z.enum(citationKinds),
      factId: z.string().nullable(),
      url: z.string().nullable(),
      title: z.string().nullable(),
      quote: z.string().nullable(),
      factText: z
        .object({ vi: z.string(), en: z.string() })
        .nullable()
        .describe('The text of the cited verified fact, for display (null for a source or a missing fact).'),
    }),
  ),
  createdBy: Person,
  createdAt: isoDate,
  updatedAt: isoDate,
  submittedAt: isoDate.nullable(),
  approvedBy: Person,
  approvedAt: isoDate.nullable(),
  approvedVersion: z.number().int().nullable(),
  publishedAt: isoDate.nullable(),
  alignment: Alignment,
});
export type ResponseDetail = z.infer<typeof ResponseDetail>;

export const ResponseVersion = z.object({
  version: z.number().int(),
  status: z.enum(responseStatuses),
  changedBy: Person,
  changedAt: isoDate,
  verdictLabel: z.enum(verdictLabels),
  textVi: z.string(),
  textEn: z.string(),
  citations: z.array(z.unknown()),
});
export type ResponseVersion = z.infer<typeof ResponseVersion>;

export const citationProblemCodes = [
  'fact_missing',
  'fact_retired',
  'no_snapshot',
  'quote_not_found',
  'no_citations',
] as const;
export type CitationProblemCode = (typeof citationProblemCodes)[number];

export const CitationCheck = z.object({
  ok: z.boolean(),
  problems: z.array(
    z.object({
      position: z.number().int().nullable(),
      code: z.enum(citationProblemCodes),
      message: z.string(),
    }),
  ),
});
export type CitationCheck = z.infer<typeof CitationCheck>;

export const exportFormats = ['md', 'html', 'jsonld'] as const;
export const ExportQuery = z.object({
  format: z.enum(exportFormats),
  lang: z.enum(['vi', 'en']).default('vi'),
});

export const FactSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .default('')
    .describe('Words that must all appear in the id or in either language of the text; empty: all.'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const FactListItem = z.object({
  id: z.string(),
  kind: z.string(),
  textVi: z.string(),
  textEn: z.string(),
});
export type FactListItem = z.infer<typeof FactListItem>;

export const FactPage = z.object({
  items: z.array(FactListItem),
  hasMore: z.boolean(),
});
export type FactPage = z.infer<typeof FactPage>;
