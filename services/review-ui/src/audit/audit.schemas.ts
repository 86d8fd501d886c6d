import { z } from 'zod';

// The web UI imports these types: zod only.

const isoDate = z.iso.datetime({ offset: true });

export const AuditQuery = z.object({
  entityType: z
    .string()
    .regex(/^[a-z_]{1,50}$/)
    .optional(),
  entityId: z.string().min(1).max(200).optional(),
  actor: z.uuid().optional().describe('The acting user id.'),
  action: z
    .string()
    .regex(/^[a-z_.]{1,80}$/)
    .optional(),
  from: isoDate.optional().describe('Events at or after this time.'),
  to: isoDate.optional().describe('Events before this time.'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditExportQuery = AuditQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(['csv', 'json']),
});

export const AuditEvent = z.object({
  id: z.uuid(),
  occurredAt: isoDate,
  actor: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPage = z.object({
  items: z.array(AuditEvent),
  limit: z.number().int(),
  offset: z.number().int(),
  hasMore: z.boolean(),
});
export type AuditPage = z.infer<typeof AuditPage>;
