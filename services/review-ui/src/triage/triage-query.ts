import type { Db } from '@claimwatch/shared/db';
import type { DismissReason, FlagReason, FlagStatus } from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';
import { type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { TriageFilter } from './triage.schemas.ts';

type Schema = Db extends import('kysely').Kysely<infer S> ? S : never;

/**
 * The triage queue as SQL. Filters touch only `flags` (documents and claims through `in (subquery)`), so
 * the count of all results needs no join; the page joins what it shows. Order: priority, newest, id — the
 * same order keyset cursors walk.
 */

/** The conditions on `flags` itself, as SQL that fits any query selecting from flags. */
function flagConditions(f: TriageFilter): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  if (f.status) out.push(sql<boolean>`flags.status = ${f.status}`);
  if (f.reason) out.push(sql<boolean>`flags.reason = ${f.reason}`);
  if (f.minScore !== undefined) out.push(sql<boolean>`flags.score >= cast(${f.minScore} as real)`);
  if (f.maxScore !== undefined) out.push(sql<boolean>`flags.score <= cast(${f.maxScore} as real)`);
  if (f.from) out.push(sql<boolean>`flags.created_at >= ${new Date(f.from)}`);
  if (f.to) out.push(sql<boolean>`flags.created_at < ${new Date(f.to)}`);
  return out;
}

const allOf = (conditions: RawBuilder<boolean>[]) => sql<boolean>`(${sql.join(conditions, sql` and `)})`;

const entityNeedle = (entity: string) =>
  sql<boolean>`claims.entities @> cast(${JSON.stringify([{ id: entity }])} as jsonb)`;

function applyFilter<O>(
  query: SelectQueryBuilder<Schema, 'flags', O>,
  f: TriageFilter,
): SelectQueryBuilder<Schema, 'flags', O> {
  const conditions = flagConditions(f);
  let q = conditions.length > 0 ? query.where(allOf(conditions)) : query;
  if (f.lang || f.source)
    q = q.where('flags.document_id', 'in', (eb: ExpressionBuilder<Schema, 'flags'>) => {
      let sub = eb.selectFrom('documents').select('documents.id');
      if (f.lang) sub = sub.where('documents.lang', '=', f.lang);
      if (f.source) sub = sub.where('documents.source_id', '=', f.source);
      return sub;
    });
  if (f.entity) {
    const entity = f.entity;
    q = q.where('flags.claim_id', 'in', (eb: ExpressionBuilder<Schema, 'flags'>) =>
      eb.selectFrom('claims').select('claims.id').where(entityNeedle(entity)),
    );
  }
  return q;
}

export function filteredFlags(db: Db, filter: TriageFilter) {
  return applyFilter(db.selectFrom('flags'), filter);
}

export function countQuery(db: Db, filter: TriageFilter) {
  return filteredFlags(db, filter).select((eb) => eb.fn.countAll<string>().as('n'));
}

export async function countFlags(db: Db, filter: TriageFilter): Promise<number> {
  return Number((await countQuery(db, filter).executeTakeFirstOrThrow()).n);
}

type Cursor = { priority: string; created: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.priority, c.created, c.id])).toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  try {
    const [priority, created, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof priority === 'string' &&
      /^-?[0-9.e+-]+$/i.test(priority) &&
      typeof created === 'string' &&
      !Number.isNaN(Date.parse(created)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    )
      return { priority, created, id };
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'cursor: not a cursor this API issued');
}

export type TriageRow = {
  id: string;
  status: FlagStatus;
  reason: FlagReason;
  score: number;
  priority: number;
  created_at: Date;
  dismiss_reason: DismissReason | null;
  claim_text: string;
  document_id: string;
  document_title: string | null;
  document_url: string;
  document_lang: string | null;
  published_at: Date | null;
  source_id: string | null;
  source_name: string | null;
  assigned_to: string | null;
  assignee_name: string | null;
  cluster_id: string | null;
  priority_key: string;
  created_key: string;
};

/** Timestamps keep their microseconds in cursors (a JS Date would drop them and repeat rows). */
const createdKey = sql<string>`to_char(flags.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The page joins claims and documents anyway: their filters go on the joined rows (fewer relations to plan). */
export function pageQuery(db: Db, filter: TriageFilter, limit: number, cursor: Cursor | undefined) {
  let query = db
    .selectFrom('flags')
    .innerJoin('claims', 'claims.id', 'flags.claim_id')
    .innerJoin('documents', 'documents.id', 'flags.document_id');
  const conditions = flagConditions(filter);
  if (conditions.length > 0) query = query.where(allOf(conditions));
  if (filter.lang) query = query.where('documents.lang', '=', filter.lang);
  if (filter.source) query = query.where('documents.source_id', '=', filter.source);
  if (filter.entity) query = query.where(entityNeedle(filter.entity));
  if (cursor) {
    const p = sql<number>`cast(${cursor.priority} as real)`;
    const c = sql<Date>`cast(${cursor.created} as timestamptz)`;
    query = query.where((eb) =>
      eb.or([
        eb('flags.priority', '<', p),
        eb.and([
          eb('flags.priority', '=', p),
          eb.or([
            eb('flags.created_at', '<', c),
            eb.and([eb('flags.created_at', '=', c), eb('flags.id', '>', cursor.id)]),
          ]),
        ]),
      ]),
    );
  }
  return query
    .leftJoin('sources', 'sources.id', 'documents.source_id')
    .leftJoin('users as assignee', 'assignee.id', 'flags.assigned_to')
    .leftJoin('cluster_appearances as ca', 'ca.document_id', 'flags.document_id')
    .select([
      'flags.id',
      'flags.status',
      'flags.reason',
      'flags.score',
      'flags.priority',
      'flags.created_at',
      'flags.dismiss_reason',
      'flags.assigned_to',
      'claims.text as claim_text',
      'documents.id as document_id',
      'documents.title as document_title',
      'documents.url as document_url',
      'documents.lang as document_lang',
      'documents.published_at',
      'sources.id as source_id',
      'sources.name as source_name',
      'assignee.display_name as assignee_name',
      'ca.cluster_id',
      sql<string>`flags.priority::text`.as('priority_key'),
      createdKey.as('created_key'),
    ])
    .orderBy('flags.priority', 'desc')
    .orderBy('flags.created_at', 'desc')
    .orderBy('flags.id')
    .limit(limit + 1);
}

export async function listTriageRows(
  db: Db,
  filter: TriageFilter,
  limit: number,
  cursor: Cursor | undefined,
): Promise<{ rows: TriageRow[]; nextCursor: string | null }> {
  const rows = (await pageQuery(db, filter, limit, cursor).execute()) as TriageRow[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ priority: last.priority_key, created: last.created_key, id: last.id })
        : null,
  };
}

/** Ids of every flag matching a filter, for bulk actions; refuses more than `max` rather than truncating. */
export async function idsMatching(db: Db, filter: TriageFilter, max: number): Promise<string[]> {
  const rows = await filteredFlags(db, filter)
    .select('flags.id')
    .orderBy('flags.priority', 'desc')
    .orderBy('flags.id')
    .limit(max + 1)
    .execute();
  if (rows.length > max)
    throw new AppError('validation_failed', `filter: matches more than ${max} flags; narrow it first`);
  return rows.map((r) => r.id);
}
