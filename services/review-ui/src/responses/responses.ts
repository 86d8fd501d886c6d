import {
  type Db,
  type JsonValue,
  recordAuditEvent,
  recordReferenceChange,
  type UserRow,
} from '@claimwatch/shared/db';
import type {
  CitationKind,
  FlagReason,
  ReferenceSource,
  ResponseStatus,
  ResponseTemplate,
  VerdictLabel,
} from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';
import { checkCitations, type StoredCitation } from './citation-check.ts';
import {
  type Alignment,
  type Citation,
  type CitationCheck,
  type CreateResponseBody,
  SOCIAL_REPLY_MAX_LENGTH,
  type UpdateResponseBody,
} from './response.schemas.ts';
import { defaultVerdict, renderTemplate, type TemplateClaim, type TemplateFact } from './templates.ts';

/**
 * Responses: draft → in_review → approved → published. Every save is a new version (kept in
 * response_versions); every state change writes an audit event with before/after in the same
 * transaction. Publishing marks the response and makes it exportable; nothing is posted anywhere.
 */

export type ResponseDeps = { db: Db; now: () => Date };
type Actor = Pick<UserRow, 'id'>;

export type ResponseRow = {
  id: string;
  template: ResponseTemplate;
  verdict_label: VerdictLabel;
  status: ResponseStatus;
  text_vi: string;
  text_en: string;
  text_vi_updated_at: Date | null;
  text_en_updated_at: Date | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  approved_version: number | null;
  published_at: Date | null;
};

export type LoadedResponse = {
  response: ResponseRow;
  claims: (TemplateClaim & { flagId: string })[];
  citations: (StoredCitation & { title: string | null })[];
  /** The text of each cited verified fact (by id), for display: a missing fact has none. */
  factTexts: Map<string, { vi: string; en: string }>;
  people: Map<string, string>;
  alignment: Alignment;
};

const lengthLimitOf = (template: ResponseTemplate) =>
  template === 'social_reply' ? SOCIAL_REPLY_MAX_LENGTH : null;

async function getRow(db: Db, id: string, forUpdate = false): Promise<ResponseRow> {
  let query = db.selectFrom('responses').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('not_found', `Response ${id} does not exist`);
  return row as ResponseRow;
}

async function claimsOf(db: Db, responseId: string) {
  const rows = await db
    .selectFrom('response_flags')
    .innerJoin('flags', 'flags.id', 'response_flags.flag_id')
    .innerJoin('claims', 'claims.id', 'flags.claim_id')
    .innerJoin('documents', 'documents.id', 'flags.document_id')
    .select([
      'flags.id as flagId',
      'claims.text as text',
      'documents.title as documentTitle',
      'documents.url as documentUrl',
      'documents.published_at as publishedAt',
    ])
    .where('response_flags.response_id', '=', responseId)
    .orderBy('flags.priority', 'desc')
    .orderBy('flags.id')
    .execute();
  return rows;
}

async function citationsOf(db: Db, responseId: string) {
  return db
    .selectFrom('response_citations')
    .select(['position', 'kind', 'fact_id', 'url', 'title', 'quote'])
    .where('response_id', '=', responseId)
    .orderBy('position')
    .execute();
}

type Snapshot = {
  template: ResponseTemplate;
  verdictLabel: VerdictLabel;
  status: ResponseStatus;
  textVi: string;
  textEn: string;
  citations: Citation[];
};

const citationOut = (c: {
  kind: string;
  fact_id: string | null;
  url: string | null;
  title: string | null;
  quote: string | null;
}): Citation => ({
  kind: c.kind as CitationKind,
  factId: c.fact_id,
  url: c.url,
  title: c.title,
  quote: c.quote,
});

async function snapshotOf(db: Db, row: ResponseRow): Promise<Snapshot> {
  return {
    template: row.template,
    verdictLabel: row.verdict_label,
    status: row.status,
    textVi: row.text_vi,
    textEn: row.text_en,
    citations: (await citationsOf(db, row.id)).map(citationOut),
  };
}

async function writeVersion(db: Db, row: ResponseRow, actor: Actor, at: Date): Promise<void> {
  await db
    .insertInto('response_versions')
    .values({
      response_id: row.id,
      version: row.version,
      status: row.status,
      snapshot: JSON.stringify(await snapshotOf(db, row)),
      changed_by: actor.id,
      changed_at: at,
    })
    .execute();
}

const summary = (r: ResponseRow): JsonValue => ({
  status: r.status,
  version: r.version,
  verdictLabel: r.verdict_label,
  approvedBy: r.approved_by,
  approvedVersion: r.approved_version,
});

/** Facts matched to the flags (the verification stage's references), in order of their best score. */
async function matchedFacts(db: Db, flagIds: string[]): Promise<TemplateFact[]> {
  const rows = await db
    .selectFrom('flag_references')
    .innerJoin('verified_facts', 'verified_facts.id', 'flag_references.reference_id')
    .select([
      'verified_facts.id',
      'verified_facts.text_vi',
      'verified_facts.text_en',
      'verified_facts.sources',
      'flag_references.score',
    ])
    .where('flag_references.flag_id', 'in', flagIds)
    .where('flag_references.reference_kind', '=', 'verified_fact')
    .where('verified_facts.status', '=', 'active')
    .orderBy('flag_references.score', 'desc')
    .orderBy('verified_facts.id')
    .execute();
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.id) && !!seen.add(r.id))
    .map((r) => ({
      id: r.id,
      text: { vi: r.text_vi, en: r.text_en },
      sources: (typeof r.sources === 'string' ? JSON.parse(r.sources) : r.sources) as ReferenceSource[],
    }));
}

function validateTexts(template: ResponseTemplate, texts: { vi: string; en: string }): void {
  const limit = lengthLimitOf(template);
  if (limit === null) return;
  for (const [lang, text] of Object.entries(texts))
    if ([...text].length > limit)
      throw new AppError(
        'validation_failed',
        `text${lang === 'vi' ? 'Vi' : 'En'}: a social reply has at most ${limit} characters (${[...text].length})`,
      );
}

export async function createResponse(
  deps: ResponseDeps,
  actor: Actor,
  body: CreateResponseBody,
): Promise<string> {
  const flagIds = [...new Set(body.flagIds)];
  return deps.db.transaction().execute(async (trx) => {
    const flags = await trx
      .selectFrom('flags')
      .innerJoin('claims', 'claims.id', 'flags.claim_id')
      .innerJoin('documents', 'documents.id', 'flags.document_id')
      .select([
        'flags.id',
        'flags.reason',
        'flags.priority',
        'claims.text',
        'documents.title',
        'documents.url',
        'documents.published_at',
      ])
      .where('flags.id', 'in', flagIds)
      .orderBy('flags.priority', 'desc')
      .orderBy('flags.id')
      .execute();
    if (flags.length !== flagIds.length) throw new AppError('not_found', 'One or more flags do not exist');
    const facts = await matchedFacts(trx, flagIds);
    const verdict = body.verdictLabel ?? defaultVerdict(flags[0]!.reason as FlagReason);
    const texts = renderTemplate({
      template: body.template,
      verdict,
      claims: flags.map((f) => ({
        text: f.text,
        documentTitle: f.title,
        documentUrl: f.url,
        publishedAt: f.published_at,
      })),
      facts,
    });
    const now = deps.now();
    const row = (await trx
      .insertInto('responses')
      .values({
        template: body.template,
        verdict_label: verdict,
        text_vi: texts.vi,
        text_en: texts.en,
        text_vi_updated_at: now,
        text_en_updated_at: now,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()) as ResponseRow;
    await trx
      .insertInto('response_flags')
      .values(flagIds.map((flag_id) => ({ response_id: row.id, flag_id })))
      .execute();
    const citations: (Omit<StoredCitation, 'position'> & { title: string | null })[] = [];
    const seenUrls = new Set<string>();
    for (const fact of facts) {
      citations.push({ kind: 'verified_fact', fact_id: fact.id, url: null, title: null, quote: null });
      for (const source of fact.sources)
        if (!seenUrls.has(source.url) && seenUrls.add(source.url))
          citations.push({
            kind: 'source',
            fact_id: null,
            url: source.url,
            title: source.title,
            quote: null,
          });
    }
    if (citations.length > 0)
      await trx
        .insertInto('response_citations')
        .values(citations.map((c, position) => ({ response_id: row.id, position, ...c })))
        .execute();
    await writeVersion(trx, row, actor, now);
    await recordAuditEvent(trx, {
      actorUserId: actor.id,
      action: 'response.created',
      entityType: 'response',
      entityId: row.id,
      before: null,
      after: { ...(summary(row) as object), template: row.template, flagIds },
    });
    return row.id;
  });
}

/**
 * Saves an edit as a new version. An edit to a response in review or approved sends it back to draft:
 * what was reviewed is no longer what would be published.
 */
export async function updateResponse(
  deps: ResponseDeps,
  actor: Actor,
  id: string,
  body: UpdateResponseBody,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await getRow(trx, id, true);
    if (before.status === 'published')
      throw new AppError('conflict', 'A published response cannot be edited');
    if (before.version !== body.version)
      throw new AppError(
        'conflict',
        `The response changed meanwhile (version ${before.version}, you edited ${body.version}); reload it`,
      );
    const textVi = body.textVi ?? before.text_vi;
    const textEn = body.textEn ?? before.text_en;
    validateTexts(before.template, { vi: textVi, en: textEn });
    const now = deps.now();
    const viChanged = textVi !== before.text_vi;
    const enChanged = textEn !== before.text_en;
    const after = (await trx
      .updateTable('responses')
      .set({
        text_vi: textVi,
        text_en: textEn,
        verdict_label: body.verdictLabel ?? before.verdict_label,
        text_vi_updated_at: viChanged ? now : before.text_vi_updated_at,
        text_en_updated_at: enChanged ? now : before.text_en_updated_at,
        version: before.version + 1,
        status: 'draft',
        submitted_at: null,
        approved_by: null,
        approved_at: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()) as ResponseRow;
    if (body.citations) {
      const factIds = [
        ...new Set(body.citations.flatMap((c) => (c.kind === 'verified_fact' && c.factId ? [c.factId] : []))),
      ];
      const known = factIds.length
        ? await trx.selectFrom('verified_facts').select('id').where('id', 'in', factIds).execute()
        : [];
      const unknown = factIds.filter((f) => !known.some((k) => k.id === f));
      if (unknown.length > 0)
        throw new AppError('validation_failed', `citations: no verified fact ${unknown.join(', ')}`);
      await trx.deleteFrom('response_citations').where('response_id', '=', id).execute();
      if (body.citations.length > 0)
        await trx
          .insertInto('response_citations')
          .values(
            body.citations.map((c, position) => ({
              response_id: id,
              position,
              kind: c.kind,
              fact_id: c.kind === 'verified_fact' ? c.factId : null,
              url: c.kind === 'source' ? c.url : null,
              title: c.title,
              quote: c.quote,
            })),
          )
          .execute();
    }
    await writeVersion(trx, after, actor, now);
    await recordAuditEvent(trx, {
      actorUserId: actor.id,
      action: 'response.updated',
      entityType: 'response',
      entityId: id,
      before: summary(before),
      after: { ...(summary(after) as object), changed: { vi: viChanged, en: enChanged } },
    });
  });
}

async function transition(
  deps: ResponseDeps,
  actor: Actor,
  id: string,
  action: 'submitted' | 'approved' | 'published',
  guard: (row: ResponseRow, trx: Db) => Promise<Partial<ResponseRow>>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await getRow(trx, id, true);
    const changes = await guard(before, trx);
    const after = (await trx
      .updateTable('responses')
      .set({ ...changes, updated_at: deps.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()) as ResponseRow;
    await recordAuditEvent(trx, {
      actorUserId: actor.id,
      action: `response.${action}`,
      entityType: 'response',
      entityId: id,
      before: summary(before),
      after: summary(after),
    });
  });
}

export async function submitResponse(deps: ResponseDeps, actor: Actor, id: string): Promise<void> {
  await transition(deps, actor, id, 'submitted', async (row) => {
    if (row.status !== 'draft')
      throw new AppError('conflict', `Only a draft can be submitted (it is ${row.status})`);
    if (row.text_vi.trim() === '' || row.text_en.trim() === '')
      throw new AppError('validation_failed', 'Both the Vietnamese and the English text are needed');
    return { status: 'in_review', submitted_at: deps.now() };
  });
}

/** Who wrote the current version: they cannot approve it either. */
async function lastEditor(db: Db, row: ResponseRow): Promise<string | null> {
  const version = await db
    .selectFrom('response_versions')
    .select('changed_by')
    .where('response_id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  return version?.changed_by ?? null;
}

/**
 * Approval by someone else: not the author and not whoever saved the version under review. The
 * citation check must pass.
 */
export async function approveResponse(deps: ResponseDeps, actor: Actor, id: string): Promise<void> {
  await transition(deps, actor, id, 'approved', async (row, trx) => {
    if (row.status !== 'in_review')
      throw new AppError('conflict', `Only a response in review can be approved (it is ${row.status})`);
    if (row.created_by === actor.id || (await lastEditor(trx, row)) === actor.id)
      throw new AppError('forbidden', 'The author of a response cannot approve it; another manager must');
    const check = await checkCitations(trx, await citationsOf(trx, row.id));
    if (!check.ok)
      throw new AppError(
        'conflict',
        `The citation check failed: ${check.problems.map((p) => `${p.code} (${p.message})`).join('; ')}`,
      );
    // An approved response is a reference: the classifier re-verifies suggestions that repeat its claims.
    await recordReferenceChange(trx, 'response', row.id, row.version);
    return {
      status: 'approved',
      approved_by: actor.id,
      approved_at: deps.now(),
      approved_version: row.version,
    };
  });
}

export async function publishResponse(deps: ResponseDeps, actor: Actor, id: string): Promise<void> {
  await transition(deps, actor, id, 'published', async (row) => {
    if (row.status !== 'approved')
      throw new AppError('conflict', `Only an approved response can be published (it is ${row.status})`);
    return { status: 'published', published_at: deps.now() };
  });
}

export async function runCitationCheck(db: Db, id: string): Promise<CitationCheck> {
  await getRow(db, id);
  return checkCitations(db, await citationsOf(db, id));
}

async function alignmentOf(db: Db, row: ResponseRow): Promise<Alignment> {
  const side = (changed: 'vi' | 'en', since: 'approval' | 'edit'): Alignment => ({
    changedSide: changed,
    staleSide: changed === 'vi' ? 'en' : 'vi',
    since,
  });
  if (row.approved_version !== null && row.approved_version !== row.version) {
    const approved = await db
      .selectFrom('response_versions')
      .select('snapshot')
      .where('response_id', '=', row.id)
      .where('version', '=', row.approved_version)
      .executeTakeFirst();
    if (approved) {
      const snap = (
        typeof approved.snapshot === 'string' ? JSON.parse(approved.snapshot) : approved.snapshot
      ) as Snapshot;
      const vi = snap.textVi !== row.text_vi;
      const en = snap.textEn !== row.text_en;
      if (vi !== en) return side(vi ? 'vi' : 'en', 'approval');
      return null;
    }
  }
  const vi = row.text_vi_updated_at?.getTime() ?? 0;
  const en = row.text_en_updated_at?.getTime() ?? 0;
  if (vi === en) return null;
  return side(vi > en ? 'vi' : 'en', 'edit');
}

async function peopleNamed(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

async function factTextsOf(db: Db, ids: string[]): Promise<Map<string, { vi: string; en: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('verified_facts')
    .select(['id', 'text_vi', 'text_en'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { vi: r.text_vi, en: r.text_en }]));
}

export async function loadResponse(db: Db, id: string): Promise<LoadedResponse> {
  const response = await getRow(db, id);
  const claims = (await claimsOf(db, id)).map((c) => ({ ...c, publishedAt: c.publishedAt }));
  const citations = await citationsOf(db, id);
  return {
    response,
    claims,
    citations,
    factTexts: await factTextsOf(
      db,
      citations.flatMap((c) => (c.kind === 'verified_fact' && c.fact_id ? [c.fact_id] : [])),
    ),
    people: await peopleNamed(db, [response.created_by, response.approved_by]),
    alignment: await alignmentOf(db, response),
  };
}

export async function listResponses(
  db: Db,
  filter: { status?: ResponseStatus | undefined; limit: number; offset: number },
) {
  let query = db
    .selectFrom('responses')
    .leftJoin('users', 'users.id', 'responses.created_by')
    .select((eb) => [
      'responses.id',
      'responses.template',
      'responses.verdict_label',
      'responses.status',
      'responses.version',
      'responses.updated_at',
      'responses.created_by',
      'users.display_name as created_by_name',
      eb
        .selectFrom('response_flags')
        .innerJoin('flags', 'flags.id', 'response_flags.flag_id')
        .innerJoin('claims', 'claims.id', 'flags.claim_id')
        .select('claims.text')
        .whereRef('response_flags.response_id', '=', 'responses.id')
        .orderBy('flags.priority', 'desc')
        .limit(1)
        .as('title'),
    ])
    .orderBy('responses.updated_at', 'desc')
    .orderBy('responses.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.status) query = query.where('responses.status', '=', filter.status);
  return query.execute();
}

export async function listResponseVersions(db: Db, id: string) {
  await getRow(db, id);
  return db
    .selectFrom('response_versions')
    .leftJoin('users', 'users.id', 'response_versions.changed_by')
    .select([
      'response_versions.version',
      'response_versions.status',
      'response_versions.snapshot',
      'response_versions.changed_by',
      'response_versions.changed_at',
      'users.display_name',
    ])
    .where('response_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
}
