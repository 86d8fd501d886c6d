import { randomUUID } from 'node:crypto';
import { type Db, type JsonValue, recordAuditEvent } from '@claimwatch/shared/db';
import type { DismissReason, FlagStatus } from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';
import type { Redis } from 'ioredis';
import type { FlagLocks } from './flag-locks.ts';
import type { DecisionAction, DecisionResult } from './triage.schemas.ts';

/**
 * Triage decisions: confirm, dismiss (with a reason), escalate, assign to me — on one flag or many, in
 * one transaction, each changed flag audited with its state before and after. The last actions of each
 * person are kept in Redis for a short window so they can be undone; undoing restores a flag only if
 * nobody changed it since.
 */

export type TriageState = {
  status: FlagStatus;
  dismissReason: DismissReason | null;
  assignedTo: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
};

type Change = { flagId: string; before: TriageState; after: TriageState };
type UndoEntry = { id: string; at: string; action: DecisionAction; changes: Change[] };

export type DecisionContext = {
  db: Db;
  redis: Redis;
  prefix: string;
  locks: FlagLocks;
  now: () => Date;
  undoWindowMs: number;
};

const UNDO_DEPTH = 20;

type StateRow = {
  id: string;
  status: string;
  dismiss_reason: string | null;
  assigned_to: string | null;
  decided_by: string | null;
  decided_at: Date | null;
};

function stateOf(row: StateRow): TriageState {
  return {
    status: row.status as FlagStatus,
    dismissReason: row.dismiss_reason as DismissReason | null,
    assignedTo: row.assigned_to,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
  };
}

function target(
  before: TriageState,
  action: DecisionAction,
  actorId: string,
  reason: DismissReason | undefined,
  now: Date,
): TriageState {
  if (action === 'assign_to_me') return { ...before, assignedTo: actorId };
  const status: FlagStatus =
    action === 'confirm' ? 'confirmed' : action === 'dismiss' ? 'dismissed' : 'escalated';
  return {
    ...before,
    status,
    dismissReason: action === 'dismiss' ? (reason ?? 'other') : null,
    decidedBy: actorId,
    decidedAt: now.toISOString(),
  };
}

const sameDecision = (a: TriageState, b: TriageState) =>
  a.status === b.status && a.dismissReason === b.dismissReason && a.assignedTo === b.assignedTo;
const sameState = (a: TriageState, b: TriageState) =>
  sameDecision(a, b) && a.decidedBy === b.decidedBy && a.decidedAt === b.decidedAt;

async function writeState(db: Db, flagId: string, s: TriageState, now: Date): Promise<void> {
  await db
    .updateTable('flags')
    .set({
      status: s.status,
      dismiss_reason: s.dismissReason,
      assigned_to: s.assignedTo,
      decided_by: s.decidedBy,
      decided_at: s.decidedAt ? new Date(s.decidedAt) : null,
      updated_at: now,
    })
    .where('id', '=', flagId)
    .execute();
}

const undoKey = (ctx: DecisionContext, userId: string) => `${ctx.prefix}:triage:undo:${userId}`;

/**
 * Applies one action to the given flags. With `strict` (a single item) a flag another person has open
 * is an error (409 flag_locked); in bulk such flags are skipped and reported.
 */
export async function decideFlags(
  ctx: DecisionContext,
  actor: { id: string },
  flagIds: string[],
  decision: { action: DecisionAction; dismissReason?: DismissReason | undefined },
  options: { strict: boolean },
): Promise<DecisionResult> {
  const now = ctx.now();
  const unique = [...new Set(flagIds)];
  const targets = await ctx.locks.targets(ctx.db, unique);
  if (options.strict && targets.length < unique.length)
    throw new AppError('not_found', `Flag ${unique[0]} does not exist`);
  const locked = await ctx.locks.lockedByOthers(targets, actor.id);
  if (options.strict && locked.size > 0) {
    const holder = [...locked.values()][0]!;
    throw new AppError('flag_locked', `${holder.name} has this item open until ${holder.expiresAt}`);
  }
  const open = targets.map((t) => t.flagId).filter((id) => !locked.has(id));

  const changes: Change[] = [];
  const unchanged: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const rows =
      open.length === 0
        ? []
        : ((await trx
            .selectFrom('flags')
            .select(['id', 'status', 'dismiss_reason', 'assigned_to', 'decided_by', 'decided_at'])
            .where('id', 'in', open)
            .orderBy('id')
            .forUpdate()
            .execute()) as StateRow[]);
    for (const row of rows) {
      const before = stateOf(row);
      const after = target(before, decision.action, actor.id, decision.dismissReason, now);
      if (sameDecision(before, after)) {
        unchanged.push(row.id);
        continue;
      }
      await writeState(trx, row.id, after, now);
      await recordAuditEvent(trx, {
        actorUserId: actor.id,
        action: `flag.${decision.action}`,
        entityType: 'flag',
        entityId: row.id,
        before: before as unknown as JsonValue,
        after: after as unknown as JsonValue,
      });
      changes.push({ flagId: row.id, before, after });
    }
  });

  if (changes.length > 0) {
    const entry: UndoEntry = { id: randomUUID(), at: now.toISOString(), action: decision.action, changes };
    const key = undoKey(ctx, actor.id);
    await ctx.redis
      .multi()
      .lpush(key, JSON.stringify(entry))
      .ltrim(key, 0, UNDO_DEPTH - 1)
      .pexpire(key, ctx.undoWindowMs)
      .exec();
  }
  return {
    action: decision.action,
    changed: changes.map((c) => c.flagId),
    skippedLocked: [...locked.keys()],
    unchanged,
  };
}

/**
 * Reverts this person's most recent action if it is younger than the undo window. A flag somebody
 * changed since (or has open now) keeps its current state and is reported as unchanged / locked.
 */
export async function undoLastAction(ctx: DecisionContext, actor: { id: string }): Promise<DecisionResult> {
  const now = ctx.now();
  const raw = await ctx.redis.lpop(undoKey(ctx, actor.id));
  const entry = raw ? (JSON.parse(raw) as UndoEntry) : undefined;
  if (!entry || now.getTime() - Date.parse(entry.at) > ctx.undoWindowMs)
    throw new AppError('conflict', 'Nothing to undo');

  const targets = await ctx.locks.targets(
    ctx.db,
    entry.changes.map((c) => c.flagId),
  );
  const locked = await ctx.locks.lockedByOthers(targets, actor.id);
  const changed: string[] = [];
  const unchanged: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const change of entry.changes) {
      if (locked.has(change.flagId)) continue;
      const row = (await trx
        .selectFrom('flags')
        .select(['id', 'status', 'dismiss_reason', 'assigned_to', 'decided_by', 'decided_at'])
        .where('id', '=', change.flagId)
        .forUpdate()
        .executeTakeFirst()) as StateRow | undefined;
      if (!row || !sameState(stateOf(row), change.after)) {
        unchanged.push(change.flagId);
        continue;
      }
      await writeState(trx, change.flagId, change.before, now);
      await recordAuditEvent(trx, {
        actorUserId: actor.id,
        action: 'flag.undo',
        entityType: 'flag',
        entityId: change.flagId,
        before: change.after as unknown as JsonValue,
        after: { ...change.before, undid: entry.action } as unknown as JsonValue,
      });
      changed.push(change.flagId);
    }
  });
  return { action: 'undo', changed, skippedLocked: [...locked.keys()], unchanged };
}
