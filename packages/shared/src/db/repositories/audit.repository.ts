import type { Selectable } from 'kysely';
import type { Db } from '../connection.ts';
import type { AuditEvents, JsonValue } from '../generated/schema.ts';

export type AuditEventRow = Selectable<AuditEvents>;

export type AuditEvent = {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: JsonValue | null;
  after: JsonValue | null;
};

/** Append-only (a trigger refuses updates and deletes); write it in the same transaction as the change. */
export async function recordAuditEvent(db: Db, e: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_user_id: e.actorUserId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before: e.before === null ? null : JSON.stringify(e.before),
      after: e.after === null ? null : JSON.stringify(e.after),
    })
    .execute();
}

export async function listAuditEvents(
  db: Db,
  entityType: string,
  entityId: string,
): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('occurred_at')
    .execute();
}
