import { gunzipSync } from 'node:zlib';
import { type Db, recordAuditEvent } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../http/api-error.ts';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { presentFlagListItem } from '../review/flag-presenter.ts';
import { CountCache } from './count-cache.ts';
import { type DecisionContext, decideFlags, undoLastAction } from './decisions.ts';
import { createFlagEventStreams } from './flag-events.ts';
import { FlagLocks } from './flag-locks.ts';
import { BULK_LIMIT } from './limits.ts';
import { addNote, listNotes } from './notes.ts';
import {
  createSavedFilter,
  deleteSavedFilter,
  listSavedFilters,
  updateSavedFilter,
} from './saved-filters.ts';
import {
  BulkDecision,
  Decision,
  DecisionResult,
  Facets,
  type LockInfo,
  LockResult,
  NewNote,
  NewSavedFilter,
  Note,
  SavedFilter,
  TriageItem,
  TriageListQuery,
  TriagePage,
  TriageParams,
} from './triage.schemas.ts';
import { loadTriageItem } from './triage-item.ts';
import { countFlags, decodeCursor, idsMatching, listTriageRows, type TriageRow } from './triage-query.ts';

export type TriageSettings = {
  /** How long an opened item stays locked without a heartbeat. */
  lockTtlMs: number;
  /** How long an action can be undone. */
  undoWindowMs: number;
  /** How often the live stream looks for new flags. */
  eventPollMs: number;
  /** How long a filter's total is reused (see count-cache.ts); 0 counts on every request. */
  countCacheMs: number;
};

export const defaultTriageSettings: TriageSettings = {
  lockTtlMs: 120_000,
  undoWindowMs: 10 * 60_000,
  eventPollMs: 2_000,
  countCacheMs: 2_000,
};

export type TriageDeps = {
  redis: { client: Redis; prefix: string };
  triage?: Partial<TriageSettings> | undefined;
};

const tags = ['triage'];
const read = { resource: 'triage', action: 'read' } as const;
const decide = { resource: 'triage', action: 'decide' } as const;
const filters = { resource: 'savedFilters', action: 'manage' } as const;
const IdParams = z.object({ id: z.uuid() });
const EventsQuery = z.object({ since: z.iso.datetime({ offset: true }).optional() });

export function registerTriageRoutes(api: Api, deps: ApiDeps, triageDeps: TriageDeps): void {
  const settings = { ...defaultTriageSettings, ...triageDeps.triage };
  const { client: redis, prefix } = triageDeps.redis;
  const locks = new FlagLocks(redis, prefix, settings.lockTtlMs);
  const ctx: DecisionContext = {
    db: deps.db,
    redis,
    prefix,
    locks,
    now: deps.now,
    undoWindowMs: settings.undoWindowMs,
  };
  const counts = new CountCache(settings.countCacheMs);
  const decided = <T>(result: T) => {
    counts.clear();
    return result;
  };
  const streams = createFlagEventStreams(deps.db, settings.eventPollMs);
  api.addHook('preClose', async () => streams.closeAll());
  const me = (request: { auth: { user: { id: string; display_name: string } } | null }) => ({
    id: request.auth!.user.id,
    name: request.auth!.user.display_name,
  });

  api.route({
    method: 'GET',
    url: '/triage/flags',
    config: { access: read },
    schema: {
      tags,
      summary: 'The triage queue: filtered, highest priority first, keyset-paginated, with a total',
      querystring: TriageListQuery,
      response: { 200: TriagePage, ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    },
    handler: async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const asOf = deps.now();
      const [page, total] = await Promise.all([
        listTriageRows(deps.db, filter, limit, cursor ? decodeCursor(cursor) : undefined),
        counts.get(filter, () => countFlags(deps.db, filter)),
      ]);
      const holders = await locks.holders(
        page.rows.map((r) => ({ documentId: r.document_id, clusterId: r.cluster_id })),
      );
      return {
        items: page.rows.map((row, i) => presentTriageRow(row, holders[i] ?? null)),
        total,
        nextCursor: page.nextCursor,
        asOf: asOf.toISOString(),
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/triage/facets',
    config: { access: read },
    schema: {
      tags,
      summary: 'Sources and countries/organisations to filter by',
      response: { 200: Facets, ...errorResponses('unauthenticated', 'forbidden') },
    },
    handler: async () => loadFacets(deps.db),
  });

  api.route({
    method: 'GET',
    url: '/triage/flags/:id',
    config: { access: read },
    schema: {
      tags,
      summary: 'One flag with evidence, matched references, other outlets, snapshot, notes and lock',
      params: TriageParams,
      response: {
        200: TriageItem,
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found'),
      },
    },
    handler: async (request) => loadTriageItem(deps.db, locks, request.params.id),
  });

  api.route({
    method: 'GET',
    url: '/triage/flags/:id/snapshot',
    config: { access: read },
    schema: {
      tags,
      summary: 'The archived copy of the page, as inert plain text (never rendered as HTML)',
      params: TriageParams,
      response: {
        200: z.string().describe('text/plain'),
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found'),
      },
    },
    handler: async (request, reply) => {
      const row = await deps.db
        .selectFrom('flags')
        .innerJoin('documents', 'documents.id', 'flags.document_id')
        .innerJoin('snapshots', 'snapshots.page_id', 'documents.page_id')
        .select(['snapshots.body_gzip'])
        .where('flags.id', '=', request.params.id)
        .orderBy('snapshots.fetched_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', 'No archived snapshot for this flag');
      // Hostile markup stays text: plain text, no sniffing, and a sandbox in case a browser renders it anyway.
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .send(gunzipSync(Buffer.from(row.body_gzip)).toString('utf8'));
    },
  });

  api.route({
    method: 'POST',
    url: '/triage/flags/:id/lock',
    config: { access: decide },
    schema: {
      tags,
      summary: 'Open (lock) an item and its near-duplicate cluster, or renew the lock (heartbeat)',
      params: TriageParams,
      response: {
        200: LockResult,
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'flag_locked'),
      },
    },
    handler: async (request) => {
      const [target] = await locks.targets(deps.db, [request.params.id]);
      if (!target) throw new AppError('not_found', `Flag ${request.params.id} does not exist`);
      const now = deps.now();
      const result = await locks.acquire(target, me(request), now);
      if (!result.ok)
        throw new AppError(
          'flag_locked',
          `${result.lock.name} has this item open until ${result.lock.expiresAt}`,
        );
      await markFirstSeen(deps.db, request.params.id, me(request).id, now);
      return { lock: result.lock };
    },
  });

  api.route({
    method: 'DELETE',
    url: '/triage/flags/:id/lock',
    config: { access: decide },
    schema: {
      tags,
      summary: 'Close (unlock) an item this person has open',
      params: TriageParams,
      response: {
        204: z.null(),
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found'),
      },
    },
    handler: async (request, reply) => {
      const [target] = await locks.targets(deps.db, [request.params.id]);
      if (!target) throw new AppError('not_found', `Flag ${request.params.id} does not exist`);
      await locks.release(target, me(request).id);
      return reply.status(204).send(null);
    },
  });

  api.route({
    method: 'POST',
    url: '/triage/flags/:id/decision',
    config: { access: decide },
    schema: {
      tags,
      summary: 'Confirm, dismiss (with a reason), escalate, or assign to me',
      params: TriageParams,
      body: Decision,
      response: {
        200: DecisionResult,
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'flag_locked'),
      },
    },
    handler: async (request) =>
      decided(await decideFlags(ctx, me(request), [request.params.id], request.body, { strict: true })),
  });

  api.route({
    method: 'POST',
    url: '/triage/bulk',
    config: { access: decide },
    schema: {
      tags,
      summary: `One decision on a list of flags or on every result of a filter (at most ${BULK_LIMIT})`,
      body: BulkDecision,
      response: {
        200: DecisionResult,
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden'),
      },
    },
    handler: async (request) => {
      const { ids, filter, ...decision } = request.body;
      const flagIds = ids ?? (await idsMatching(deps.db, filter ?? {}, BULK_LIMIT));
      return decided(await decideFlags(ctx, me(request), flagIds, decision, { strict: false }));
    },
  });

  api.route({
    method: 'POST',
    url: '/triage/undo',
    config: { access: decide },
    schema: {
      tags,
      summary: "Revert this person's last action (within the undo window)",
      response: { 200: DecisionResult, ...errorResponses('unauthenticated', 'forbidden', 'conflict') },
    },
    handler: async (request) => decided(await undoLastAction(ctx, me(request))),
  });

  api.route({
    method: 'GET',
    url: '/triage/flags/:id/notes',
    config: { access: read },
    schema: {
      tags,
      summary: 'Notes on a flag, oldest first',
      params: TriageParams,
      response: {
        200: z.array(Note),
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden'),
      },
    },
    handler: async (request) => listNotes(deps.db, request.params.id),
  });

  api.route({
    method: 'POST',
    url: '/triage/flags/:id/notes',
    config: { access: { resource: 'triage', action: 'note' } },
    schema: {
      tags,
      summary: 'Add a note to a flag',
      params: TriageParams,
      body: NewNote,
      response: {
        201: Note,
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found'),
      },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await addNote(deps.db, me(request), request.params.id, request.body.body, deps.now())),
  });

  api.route({
    method: 'GET',
    url: '/triage/saved-filters',
    config: { access: filters },
    schema: {
      tags,
      summary: "This person's saved filters",
      response: { 200: z.array(SavedFilter), ...errorResponses('unauthenticated', 'forbidden') },
    },
    handler: async (request) => listSavedFilters(deps.db, me(request).id),
  });

  api.route({
    method: 'POST',
    url: '/triage/saved-filters',
    config: { access: filters },
    schema: {
      tags,
      summary: 'Save a filter under a name',
      body: NewSavedFilter,
      response: {
        201: SavedFilter,
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'conflict'),
      },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createSavedFilter(deps.db, me(request).id, request.body)),
  });

  api.route({
    method: 'PUT',
    url: '/triage/saved-filters/:id',
    config: { access: filters },
    schema: {
      tags,
      summary: 'Rename or change a saved filter',
      params: IdParams,
      body: NewSavedFilter,
      response: {
        200: SavedFilter,
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'),
      },
    },
    handler: async (request) => updateSavedFilter(deps.db, me(request).id, request.params.id, request.body),
  });

  api.route({
    method: 'DELETE',
    url: '/triage/saved-filters/:id',
    config: { access: filters },
    schema: {
      tags,
      summary: 'Delete a saved filter',
      params: IdParams,
      response: {
        204: z.null(),
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found'),
      },
    },
    handler: async (request, reply) => {
      await deleteSavedFilter(deps.db, me(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  });

  api.route({
    method: 'GET',
    url: '/triage/events',
    config: { access: read },
    schema: {
      tags,
      summary: 'Server-sent events: `flags` with the number of suggested flags created after `since`',
      querystring: EventsQuery,
    },
    handler: async (request, reply) => {
      streams.open(request, reply, request.query.since ? new Date(request.query.since) : deps.now());
    },
  });
}

function presentTriageRow(row: TriageRow, lock: LockInfo | null) {
  return {
    ...presentFlagListItem(row),
    source: row.source_id ? { id: row.source_id, name: row.source_name ?? '' } : null,
    dismissReason: row.dismiss_reason,
    assignedTo: row.assigned_to ? { id: row.assigned_to, name: row.assignee_name ?? '' } : null,
    lock,
  };
}

/** The first time a person opens a flag (the digest measures time to first look). */
async function markFirstSeen(db: Db, flagId: string, userId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('flags')
      .set({ first_seen_at: now })
      .where('id', '=', flagId)
      .where('first_seen_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    await recordAuditEvent(trx, {
      actorUserId: userId,
      action: 'flag.first_seen',
      entityType: 'flag',
      entityId: flagId,
      before: { firstSeenAt: null },
      after: { firstSeenAt: now.toISOString() },
    });
  });
}

async function loadFacets(db: Db): Promise<Facets> {
  const sources = await db.selectFrom('sources').select(['id', 'name']).orderBy('name').limit(500).execute();
  const entities = await sql<{ id: string; kind: string | null }>`
    select distinct e->>'id' as id, e->>'kind' as kind
    from claims c cross join lateral jsonb_array_elements(c.entities) e
    where exists (select 1 from flags f where f.claim_id = c.id) and e ? 'id'
    order by 1 limit 500`.execute(db);
  return { sources, entities: entities.rows };
}
