import { z } from 'zod';

/**
 * The digest API's contract. The digest itself is a stored JSON document described by `digest.types.ts`
 * (the web UI imports those types); here it passes through as an object.
 */

export const WeekParams = z.object({
  week: z.string().regex(/^\d{4}-W\d{2}$/, 'expected an ISO week such as 2026-W47'),
});
export const LocaleQuery = z.object({ locale: z.enum(['vi', 'en']).default('vi') });
export const LiveQuery = z.object({ range: z.enum(['today', 'week']).default('today') });

const DigestDocument = z
  .record(z.string(), z.unknown())
  .describe('The digest figures (see digest.types.ts).');

export const DigestView = z.object({
  week: z.string(),
  builtAt: z.string(),
  deliveredAt: z.string().nullable(),
  data: DigestDocument,
});

export const DigestList = z.object({
  lastCompleteWeek: z.string().describe('The week the scheduled job builds next time it runs.'),
  items: z.array(z.object({ week: z.string(), builtAt: z.string(), deliveredAt: z.string().nullable() })),
});

export const SourceHealthList = z.object({ items: z.array(z.record(z.string(), z.unknown())) });
