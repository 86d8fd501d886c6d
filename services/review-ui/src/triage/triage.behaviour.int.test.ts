import { gzipSync } from 'node:zlib';
import { addAppearance, listAuditEvents } from '@claimwatch/shared/db';
import type { FlagReason } from '@claimwatch/shared/domain';
import {
  buildClaim,
  buildDocument,
  buildFlag,
  buildSource,
  buildVerifiedFact,
} from '@claimwatch/shared/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestAccount, startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';
import type { DecisionResult, Note, SavedFilter, TriageItem, TriagePage } from './triage.schemas.ts';

let server: TestServer;
let alice: TestBrowser;
let bob: TestBrowser;
let writer: TestBrowser;
let aliceId: string;

async function flagOn(options: {
  title: string;
  priority: number;
  score?: number;
  lang?: string;
  reason?: FlagReason;
  sourceId?: string;
  entities?: { id: string; kind: string; start: number; end: number }[];
}) {
  const db = server.database.db;
  const text = `${options.title}: Vietnam and Japan signed an agreement in Hanoi.`;
  const document = await buildDocument(db, {
    title: options.title,
    lang: options.lang ?? 'en',
    text,
    ...(options.sourceId ? { sourceId: options.sourceId } : {}),
  });
  const claim = await buildClaim(db, document.id, { start: 0, end: text.length, text });
  if (options.entities)
    await db
      .updateTable('claims')
      .set({ entities: JSON.stringify(options.entities) })
      .where('id', '=', claim.id)
      .execute();
  return buildFlag(db, {
    documentId: document.id,
    claimId: claim.id,
    priority: options.priority,
    score: options.score ?? options.priority,
    ...(options.reason ? { reason: options.reason } : {}),
  });
}

const page = async (browser: TestBrowser, query = '') =>
  (await browser.request('GET', `/api/triage/flags?${query}`)).json<TriagePage>();
const titles = (p: TriagePage) => p.items.map((i) => i.document.title);

beforeAll(async () => {
  server = await startTestServer({ triage: { eventPollMs: 50 } });
  const a = await createTestAccount(server.database, ['monitor']);
  aliceId = a.id;
  alice = new TestBrowser(server.app);
  await alice.logIn(a.email);
  bob = new TestBrowser(server.app);
  await bob.logIn((await createTestAccount(server.database, ['monitor'])).email);
  writer = new TestBrowser(server.app);
  await writer.logIn((await createTestAccount(server.database, ['writer'])).email);
});
afterAll(async () => server?.close());
beforeEach(async () => {
  await server.database.db.deleteFrom('flags').execute();
  const keys = await server.queues.redis.keys(`${server.queues.prefix}:*`);
  if (keys.length > 0) await server.queues.redis.del(...keys);
});

describe('GET /api/triage/flags', () => {
  it('orders by priority, counts all results and walks pages with a keyset cursor', async () => {
    for (const [title, priority] of [
      ['A', 0.9],
      ['B', 0.8],
      ['C', 0.8],
      ['D', 0.7],
      ['E', 0.1],
    ] as const)
      await flagOn({ title, priority });

    const first = await page(alice, 'limit=2');
    expect(first.total).toBe(5);
    expect(first.items[0]!.document.title).toBe('A');
    const seen = [...titles(first)];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await page(alice, `limit=2&cursor=${cursor}`);
      expect(next.total).toBe(5);
      seen.push(...titles(next));
      cursor = next.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(['A', 'B', 'C', 'D', 'E']));
    expect(seen[0]).toBe('A');
    expect(seen.slice(3)).toEqual(['D', 'E']);
  });

  it('filters by status, reason, language, source, entity, date and score', async () => {
    const source = await buildSource(server.database.db, { name: 'Báo Mẫu' });
    await flagOn({ title: 'Narrative', priority: 0.9, reason: 'repeats_known_narrative' });
    await flagOn({ title: 'Viet', priority: 0.8, lang: 'vi', sourceId: source.id });
    await flagOn({
      title: 'China',
      priority: 0.3,
      entities: [{ id: 'CN', kind: 'country', start: 0, end: 5 }],
    });
    const confirmed = await flagOn({ title: 'Done', priority: 0.5 });
    await server.database.db
      .updateTable('flags')
      .set({ status: 'confirmed' })
      .where('id', '=', confirmed.id)
      .execute();

    expect(titles(await page(alice, 'status=confirmed'))).toEqual(['Done']);
    expect(titles(await page(alice, 'reason=repeats_known_narrative'))).toEqual(['Narrative']);
    expect(titles(await page(alice, 'lang=vi'))).toEqual(['Viet']);
    expect(titles(await page(alice, `source=${source.id}`))).toEqual(['Viet']);
    expect((await page(alice, `source=${source.id}`)).items[0]!.source).toEqual({
      id: source.id,
      name: 'Báo Mẫu',
    });
    expect(titles(await page(alice, 'entity=CN'))).toEqual(['China']);
    expect(titles(await page(alice, 'minScore=0.4&maxScore=0.85'))).toEqual(['Viet', 'Done']);
    expect((await page(alice, 'from=2000-01-01T00:00:00Z')).total).toBe(4);
    expect((await page(alice, 'to=2000-01-01T00:00:00Z')).total).toBe(0);
  });

  it('offers the sources and the countries/organisations of flagged claims as facets', async () => {
    const source = await buildSource(server.database.db, { name: 'Nguồn A' });
    await flagOn({
      title: 'Faceted',
      priority: 0.5,
      sourceId: source.id,
      entities: [
        { id: 'VN', kind: 'country', start: 0, end: 2 },
        { id: 'ASEAN', kind: 'organisation', start: 3, end: 8 },
      ],
    });
    const facets = (await alice.request('GET', '/api/triage/facets')).json<{
      sources: { id: string; name: string }[];
      entities: { id: string; kind: string | null }[];
    }>();
    expect(facets.sources).toContainEqual({ id: source.id, name: 'Nguồn A' });
    expect(facets.entities).toEqual(
      expect.arrayContaining([
        { id: 'ASEAN', kind: 'organisation' },
        { id: 'VN', kind: 'country' },
      ]),
    );
  });

  it.each([
    ['cursor=garbage', 'cursor'],
    ['minScore=2', 'minScore'],
    ['entity=a%20b', 'entity'],
    ['source=nope', 'source'],
    ['from=yesterday', 'from'],
  ])('refuses ?%s with 400 naming %s', async (query, field) => {
    const response = await alice.request('GET', `/api/triage/flags?${query}`);
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    expect(response.json<{ message: string }>().message).toContain(field);
  });

  it('refuses a visitor who is not signed in', async () => {
    expect((await new TestBrowser(server.app).request('GET', '/api/triage/flags')).status).toBe(401);
  });
});

describe('decisions, bulk and undo', () => {
  it('confirms, dismisses with a reason, escalates and assigns, each audited with before and after', async () => {
    const flag = await flagOn({ title: 'One', priority: 0.5 });
    const decide = (body: object) => alice.request('POST', `/api/triage/flags/${flag.id}/decision`, { body });

    expect((await decide({ action: 'dismiss' })).status).toBe(400);
    const dismissed = await decide({ action: 'dismiss', dismissReason: 'claim_is_true' });
    expect(dismissed.json<DecisionResult>().changed).toEqual([flag.id]);
    expect((await decide({ action: 'assign_to_me' })).status).toBe(200);
    expect((await decide({ action: 'escalate' })).status).toBe(200);
    expect((await decide({ action: 'escalate' })).json<DecisionResult>().unchanged).toEqual([flag.id]);

    const item = (await alice.request('GET', `/api/triage/flags/${flag.id}`)).json<TriageItem>();
    expect(item.status).toBe('escalated');
    expect(item.triage.assignedTo?.id).toBe(aliceId);
    expect(item.triage.decidedBy?.id).toBe(aliceId);

    const events = await listAuditEvents(server.database.db, 'flag', flag.id);
    expect(events.map((e) => e.action)).toEqual(['flag.dismiss', 'flag.assign_to_me', 'flag.escalate']);
    expect(events[0]).toMatchObject({
      actor_user_id: aliceId,
      before: { status: 'suggested', dismissReason: null },
      after: { status: 'dismissed', dismissReason: 'claim_is_true' },
    });
  });

  it('undoes the last action, audited, and refuses when there is nothing left to undo', async () => {
    const flag = await flagOn({ title: 'Undo me', priority: 0.5 });
    await alice.request('POST', `/api/triage/flags/${flag.id}/decision`, { body: { action: 'confirm' } });

    const undone = await alice.request('POST', '/api/triage/undo');
    expect(undone.status).toBe(200);
    expect(undone.json<DecisionResult>()).toMatchObject({ action: 'undo', changed: [flag.id] });
    const item = (await alice.request('GET', `/api/triage/flags/${flag.id}`)).json<TriageItem>();
    expect(item).toMatchObject({ status: 'suggested', decidedAt: null });
    const events = await listAuditEvents(server.database.db, 'flag', flag.id);
    expect(events.at(-1)).toMatchObject({
      action: 'flag.undo',
      before: { status: 'confirmed' },
      after: { status: 'suggested', undid: 'confirm' },
    });

    const again = await alice.request('POST', '/api/triage/undo');
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict' });
  });

  it('undo leaves a flag someone changed since, and only undoes its own actions', async () => {
    const flag = await flagOn({ title: 'Contested', priority: 0.5 });
    await alice.request('POST', `/api/triage/flags/${flag.id}/decision`, { body: { action: 'confirm' } });
    await bob.request('POST', `/api/triage/flags/${flag.id}/decision`, {
      body: { action: 'dismiss', dismissReason: 'duplicate' },
    });
    const undone = (await alice.request('POST', '/api/triage/undo')).json<DecisionResult>();
    expect(undone).toMatchObject({ changed: [], unchanged: [flag.id] });
    const item = (await bob.request('GET', `/api/triage/flags/${flag.id}`)).json<TriageItem>();
    expect(item.status).toBe('dismissed');
  });

  it('applies a bulk action to a list of ids in one go, and undo reverts all of it', async () => {
    const a = await flagOn({ title: 'A', priority: 0.5 });
    const b = await flagOn({ title: 'B', priority: 0.4 });
    const c = await flagOn({ title: 'C', priority: 0.3 });
    const result = await alice.request('POST', '/api/triage/bulk', {
      body: { action: 'dismiss', dismissReason: 'not_relevant', ids: [a.id, b.id] },
    });
    expect(result.json<DecisionResult>().changed.sort()).toEqual([a.id, b.id].sort());
    expect(titles(await page(alice, 'status=dismissed'))).toEqual(['A', 'B']);
    expect(titles(await page(alice, 'status=suggested'))).toEqual(['C']);

    await alice.request('POST', '/api/triage/undo');
    expect((await page(alice, 'status=suggested')).total).toBe(3);
    expect(c.id).toBeTruthy();
  });

  it('applies a bulk action to every result of a filter, server-side', async () => {
    await flagOn({ title: 'vi 1', priority: 0.5, lang: 'vi' });
    await flagOn({ title: 'vi 2', priority: 0.4, lang: 'vi' });
    await flagOn({ title: 'en', priority: 0.3, lang: 'en' });
    const result = await alice.request('POST', '/api/triage/bulk', {
      body: { action: 'escalate', filter: { lang: 'vi', status: 'suggested' } },
    });
    expect(result.json<DecisionResult>().changed).toHaveLength(2);
    expect(titles(await page(alice, 'status=escalated'))).toEqual(['vi 1', 'vi 2']);
  });

  it('refuses a bulk request with both or neither of ids and filter', async () => {
    expect((await alice.request('POST', '/api/triage/bulk', { body: { action: 'confirm' } })).status).toBe(
      400,
    );
    const both = await alice.request('POST', '/api/triage/bulk', {
      body: { action: 'confirm', ids: ['00000000-0000-4000-8000-000000000000'], filter: {} },
    });
    expect(both.status).toBe(400);
  });

  it('lets writers read and write notes but not decide', async () => {
    const flag = await flagOn({ title: 'Writer', priority: 0.5 });
    const refused = await writer.request('POST', `/api/triage/flags/${flag.id}/decision`, {
      body: { action: 'confirm' },
    });
    expect(refused.status).toBe(403);
    expect(
      (await writer.request('POST', '/api/triage/bulk', { body: { action: 'confirm', ids: [flag.id] } }))
        .status,
    ).toBe(403);
    expect((await writer.request('POST', `/api/triage/flags/${flag.id}/lock`)).status).toBe(403);
    expect((await writer.request('POST', '/api/triage/undo')).status).toBe(403);
    const note = await writer.request('POST', `/api/triage/flags/${flag.id}/notes`, {
      body: { body: '<script>alert(1)</script> kiểm tra nguồn' },
    });
    expect(note.status).toBe(201);
    const notes = (await alice.request('GET', `/api/triage/flags/${flag.id}/notes`)).json<Note[]>();
    expect(notes.map((n) => n.body)).toEqual(['<script>alert(1)</script> kiểm tra nguồn']);
    const events = await listAuditEvents(server.database.db, 'flag', flag.id);
    expect(events.map((e) => e.action)).toEqual(['flag.note']);
  });
});

describe('soft locks', () => {
  it('locks an item and its near-duplicate cluster for the opener; others see who and cannot decide', async () => {
    const db = server.database.db;
    const original = await flagOn({ title: 'Original', priority: 0.9 });
    const copy = await flagOn({ title: 'Copy', priority: 0.8 });
    const other = await flagOn({ title: 'Unrelated', priority: 0.1 });
    const docOf = async (flagId: string) =>
      (await db.selectFrom('flags').select('document_id').where('id', '=', flagId).executeTakeFirstOrThrow())
        .document_id;
    await addAppearance(
      db,
      {
        documentId: await docOf(copy.id),
        sourceId: null,
        url: 'https://b.example/copy',
        match: 'near',
        similarity: 0.93,
      },
      await docOf(original.id),
    );

    const lock = await alice.request('POST', `/api/triage/flags/${original.id}/lock`);
    expect(lock.status).toBe(200);
    expect(lock.json()).toMatchObject({ lock: { userId: aliceId, name: 'Test Monitor' } });

    // Bob sees both copies as taken by Alice, and cannot take or decide them.
    const bobsView = await page(bob);
    const lockOf = (title: string) => bobsView.items.find((i) => i.document.title === title)!.lock;
    expect(lockOf('Original')?.userId).toBe(aliceId);
    expect(lockOf('Copy')?.userId).toBe(aliceId);
    expect(lockOf('Unrelated')).toBeNull();
    const taken = await bob.request('POST', `/api/triage/flags/${copy.id}/lock`);
    expect(taken.status).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'flag_locked' });
    const decide = await bob.request('POST', `/api/triage/flags/${copy.id}/decision`, {
      body: { action: 'confirm' },
    });
    expect(decide.status).toBe(409);
    expect(decide.json()).toMatchObject({ code: 'flag_locked' });
    expect(decide.json<{ message: string }>().message).toContain('Test Monitor');

    // In bulk, locked flags are skipped and reported; the rest are decided.
    const bulk = (
      await bob.request('POST', '/api/triage/bulk', { body: { action: 'confirm', ids: [copy.id, other.id] } })
    ).json<DecisionResult>();
    expect(bulk).toMatchObject({ changed: [other.id], skippedLocked: [copy.id] });

    // Alice herself can renew and decide; the item view shows the lock and the other outlet.
    expect((await alice.request('POST', `/api/triage/flags/${copy.id}/lock`)).status).toBe(200);
    const item = (await bob.request('GET', `/api/triage/flags/${original.id}`)).json<TriageItem>();
    expect(item.triage.lock?.userId).toBe(aliceId);
    expect(item.triage.firstSeenAt).not.toBeNull();
    expect(item.triage.appearances).toMatchObject([
      { url: 'https://b.example/copy', match: 'near', title: 'Copy' },
    ]);
    expect(
      (await alice.request('POST', `/api/triage/flags/${copy.id}/decision`, { body: { action: 'confirm' } }))
        .status,
    ).toBe(200);

    // Bob cannot release Alice's lock; once Alice closes the item, Bob can open it.
    await bob.request('DELETE', `/api/triage/flags/${original.id}/lock`);
    expect((await bob.request('POST', `/api/triage/flags/${original.id}/lock`)).status).toBe(409);
    expect((await alice.request('DELETE', `/api/triage/flags/${original.id}/lock`)).status).toBe(204);
    expect((await bob.request('POST', `/api/triage/flags/${original.id}/lock`)).status).toBe(200);
  });

  it('expires: the lock key carries the TTL and a lapsed lock frees the item', async () => {
    const flag = await flagOn({ title: 'Lapse', priority: 0.5 });
    await alice.request('POST', `/api/triage/flags/${flag.id}/lock`);
    const [key] = await server.queues.redis.keys(`${server.queues.prefix}:triage:lock:*`);
    const ttl = await server.queues.redis.pttl(key!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120_000);
    // Simulate the lapse of time by expiring the key now (as Redis does when no heartbeat renews it).
    await server.queues.redis.pexpire(key!, 1);
    while ((await server.queues.redis.exists(key!)) === 1) await new Promise((r) => setImmediate(r));
    expect((await bob.request('POST', `/api/triage/flags/${flag.id}/lock`)).status).toBe(200);
  });
});

describe('item view', () => {
  it('shows matched references with sources, and serves the archived snapshot as inert text', async () => {
    const db = server.database.db;
    const flag = await flagOn({ title: 'Matched', priority: 0.5 });
    await buildVerifiedFact(db, {
      id: 'vn-jp-relations',
      kind: 'diplomatic_relations',
      structured: { parties: ['VN', 'JP'], date: '1973-09-21' },
      text: {
        vi: 'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao ngày 21/9/1973.',
        en: 'Vietnam and Japan established diplomatic relations on 21 September 1973.',
      },
      sources: [{ url: 'https://www.mofa.go.jp/region/asia-paci/vietnam/', title: 'MOFA' }],
    });
    await db
      .insertInto('flag_references')
      .values({
        flag_id: flag.id,
        reference_kind: 'verified_fact',
        reference_id: 'vn-jp-relations',
        reference_version: 1,
        score: 0.88,
      })
      .execute();
    // A past response the classifier found for a claim like this one.
    const pastResponse = await db
      .insertInto('responses')
      .values({
        template: 'social_reply',
        verdict_label: 'false',
        status: 'approved',
        text_vi: 'Sai: Việt Nam và Nhật Bản lập quan hệ ngoại giao năm 1973.',
        text_en: `False: Vietnam and Japan established diplomatic relations in 1973. ${'More. '.repeat(60)}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('flag_references')
      .values({
        flag_id: flag.id,
        reference_kind: 'response',
        reference_id: pastResponse.id,
        reference_version: 1,
        score: 0.8,
      })
      .execute();
    const doc = await db
      .selectFrom('documents')
      .select('page_id')
      .where('id', '=', flag.document_id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('snapshots')
      .values({
        page_id: doc.page_id,
        sha256: 'abc',
        body_gzip: gzipSync('<html><script>alert(1)</script>archived</html>'),
        fetched_at: new Date('2026-11-02T09:00:00Z'),
      })
      .execute();

    const item = (await alice.request('GET', `/api/triage/flags/${flag.id}`)).json<TriageItem>();
    expect(item.triage.references).toEqual([
      {
        kind: 'verified_fact',
        id: 'vn-jp-relations',
        version: 1,
        score: expect.closeTo(0.88, 5),
        text: {
          vi: 'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao ngày 21/9/1973.',
          en: 'Vietnam and Japan established diplomatic relations on 21 September 1973.',
        },
        sources: [{ url: 'https://www.mofa.go.jp/region/asia-paci/vietnam/', title: 'MOFA' }],
      },
      {
        kind: 'response',
        id: pastResponse.id,
        version: 1,
        score: expect.closeTo(0.8, 5),
        text: {
          vi: 'Sai: Việt Nam và Nhật Bản lập quan hệ ngoại giao năm 1973.',
          en: expect.stringMatching(/^False: Vietnam and Japan .{200,}…$/),
        },
        sources: [],
      },
    ]);
    expect([...item.triage.references[1]!.text.en!]).toHaveLength(280);
    expect(item.triage.snapshot).toMatchObject({
      sha256: 'abc',
      href: `/api/triage/flags/${flag.id}/snapshot`,
    });

    const snapshot = await alice.request('GET', item.triage.snapshot!.href);
    expect(snapshot.status).toBe(200);
    expect(snapshot.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(snapshot.headers['content-security-policy']).toContain('sandbox');
    expect(snapshot.body).toBe('<html><script>alert(1)</script>archived</html>');
  });
});

describe('saved filters', () => {
  it('creates, lists, updates and deletes per user, audited; others cannot see or touch them', async () => {
    const created = await alice.request('POST', '/api/triage/saved-filters', {
      body: { name: 'Tiếng Việt, Trung Quốc', filter: { lang: 'vi', entity: 'CN', minScore: 0.5 } },
    });
    expect(created.status).toBe(201);
    const saved = created.json<SavedFilter>();
    expect(saved.filter).toEqual({ lang: 'vi', entity: 'CN', minScore: 0.5 });
    const duplicate = await alice.request('POST', '/api/triage/saved-filters', {
      body: { name: 'Tiếng Việt, Trung Quốc', filter: {} },
    });
    expect(duplicate.status).toBe(409);

    expect((await bob.request('GET', '/api/triage/saved-filters')).json()).toEqual([]);
    expect(
      (await bob.request('PUT', `/api/triage/saved-filters/${saved.id}`, { body: { name: 'x', filter: {} } }))
        .status,
    ).toBe(404);
    expect((await bob.request('DELETE', `/api/triage/saved-filters/${saved.id}`)).status).toBe(404);

    const updated = await alice.request('PUT', `/api/triage/saved-filters/${saved.id}`, {
      body: { name: 'Narratives', filter: { reason: 'repeats_known_narrative' } },
    });
    expect(updated.json()).toMatchObject({
      name: 'Narratives',
      filter: { reason: 'repeats_known_narrative' },
    });
    expect(
      (await alice.request('GET', '/api/triage/saved-filters')).json<SavedFilter[]>().map((f) => f.name),
    ).toEqual(['Narratives']);
    expect((await alice.request('DELETE', `/api/triage/saved-filters/${saved.id}`)).status).toBe(204);
    expect((await alice.request('GET', '/api/triage/saved-filters')).json()).toEqual([]);
    const events = await listAuditEvents(server.database.db, 'saved_filter', saved.id);
    expect(events.map((e) => e.action)).toEqual([
      'saved_filter.create',
      'saved_filter.update',
      'saved_filter.delete',
    ]);
  });
});

describe('CSRF on every mutating triage route', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  it.each([
    ['POST', `/api/triage/flags/${id}/lock`, undefined],
    ['DELETE', `/api/triage/flags/${id}/lock`, undefined],
    ['POST', `/api/triage/flags/${id}/decision`, { action: 'confirm' }],
    ['POST', '/api/triage/bulk', { action: 'confirm', ids: [id] }],
    ['POST', '/api/triage/undo', undefined],
    ['POST', `/api/triage/flags/${id}/notes`, { body: 'x' }],
    ['POST', '/api/triage/saved-filters', { name: 'x', filter: {} }],
    ['PUT', `/api/triage/saved-filters/${id}`, { name: 'x', filter: {} }],
    ['DELETE', `/api/triage/saved-filters/${id}`, undefined],
  ] as const)('%s %s without the token is refused with 403', async (method, url, body) => {
    const response = await alice.request(method, url, { csrf: false, ...(body ? { body } : {}) });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
  });
});

describe('GET /api/triage/events', () => {
  it('streams the number of suggested flags created since the list was loaded', async () => {
    const since = (await page(alice)).asOf;
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as { port: number };
    const cookie = [...alice.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const controller = new AbortController();
    const response = await fetch(
      `http://127.0.0.1:${port}/api/triage/events?since=${encodeURIComponent(since)}`,
      {
        headers: { cookie },
        signal: controller.signal,
      },
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const waitFor = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += decoder.decode(value);
      }
    };
    await waitFor(/"newSuggested":0/);
    await flagOn({ title: 'New 1', priority: 0.5 });
    await flagOn({ title: 'New 2', priority: 0.5 });
    await waitFor(/"newSuggested":2/);
    controller.abort();
  });
});
