import type { Db } from '@claimwatch/shared/db';
import type { AuditEvent, AuditQuery } from './audit.schemas.ts';

/** Exports stop here; narrow the filter for more. */
export const EXPORT_MAX_ROWS = 50_000;

type Filter = Omit<AuditQuery, 'limit' | 'offset'>;

/** Audit events matching the filter, newest first. The table is append-only (a trigger refuses changes). */
export async function searchAuditEvents(
  db: Db,
  filter: Filter,
  page: { limit: number; offset: number },
): Promise<AuditEvent[]> {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .select([
      'audit_events.id',
      'audit_events.occurred_at',
      'audit_events.actor_user_id',
      'users.email',
      'users.display_name',
      'audit_events.action',
      'audit_events.entity_type',
      'audit_events.entity_id',
      'audit_events.before',
      'audit_events.after',
    ])
    .orderBy('audit_events.occurred_at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(page.limit)
    .offset(page.offset);
  if (filter.entityType) query = query.where('audit_events.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('audit_events.entity_id', '=', filter.entityId);
  if (filter.actor) query = query.where('audit_events.actor_user_id', '=', filter.actor);
  if (filter.action) query = query.where('audit_events.action', '=', filter.action);
  if (filter.from) query = query.where('audit_events.occurred_at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('audit_events.occurred_at', '<', new Date(filter.to));
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return (await query.execute()).map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actor: r.actor_user_id
      ? { id: r.actor_user_id, email: r.email ?? '', displayName: r.display_name ?? '' }
      : null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: parse(r.before) ?? null,
    after: parse(r.after) ?? null,
  }));
}

/**
 * One CSV cell: quoted, quotes doubled, and a leading = + - @ (or tab/CR) defused with an apostrophe so a
 * spreadsheet does not run it as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(events: AuditEvent[]): string {
  const header = [
    'occurred_at',
    'actor_id',
    'actor_email',
    'action',
    'entity_type',
    'entity_id',
    'before',
    'after',
  ];
  const rows = events.map((e) =>
    [
      e.occurredAt,
      e.actor?.id ?? '',
      e.actor?.email ?? '',
      e.action,
      e.entityType,
      e.entityId,
      e.before === null ? '' : JSON.stringify(e.before),
      e.after === null ? '' : JSON.stringify(e.after),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
