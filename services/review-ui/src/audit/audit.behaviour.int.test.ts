import { recordAuditEvent } from '@claimwatch/shared/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';
import type { AuditEvent, AuditPage } from './audit.schemas.ts';
import { csvCell } from './audit-log.ts';

let server: TestServer;
let manager: TestBrowser;
let writer: TestBrowser;
let writerId: string;
let managerId: string;

beforeAll(async () => {
  server = await startTestServer();
  const m = await createTestAccount(server.database, ['manager']);
  const w = await createTestAccount(server.database, ['writer']);
  managerId = m.id;
  writerId = w.id;
  manager = new TestBrowser(server.app);
  await manager.logIn(m.email);
  writer = new TestBrowser(server.app);
  await writer.logIn(w.email);
  const db = server.database.db;
  for (const [iso, actor, action, entityId] of [
    ['2026-11-01T09:00:00Z', writerId, 'response.created', 'r-1'],
    ['2026-11-02T09:00:00Z', writerId, 'response.submitted', 'r-1'],
    ['2026-11-03T09:00:00Z', managerId, 'response.approved', 'r-1'],
    ['2026-11-04T09:00:00Z', writerId, 'response.created', 'r-2'],
  ] as const) {
    await recordAuditEvent(db, {
      actorUserId: actor,
      action,
      entityType: 'response',
      entityId,
      before: null,
      after: { note: action === 'response.approved' ? '=HYPERLINK("http://evil")' : 'ok, "quoted"' },
    });
    await db
      .insertInto('audit_events')
      .values({ occurred_at: new Date(iso), action: 'marker', entity_type: 'marker', entity_id: iso })
      .execute();
  }
});
afterAll(async () => server?.close());

const query = async (qs: string) =>
  (await manager.request('GET', `/api/audit?${qs}`))
    .json<AuditPage>()
    .items.filter((e) => e.entityType === 'response');

describe('GET /api/audit', () => {
  it('is for managers and admins, not writers or visitors', async () => {
    expect((await writer.request('GET', '/api/audit')).status).toBe(403);
    expect((await writer.request('GET', '/api/audit/export?format=csv')).status).toBe(403);
    expect((await new TestBrowser(server.app).request('GET', '/api/audit')).status).toBe(401);
  });

  it('lists events newest first with the actor, and filters by entity, actor and action', async () => {
    const all = await query('entityType=response');
    expect(all.map((e) => [e.action, e.entityId])).toEqual([
      ['response.created', 'r-2'],
      ['response.approved', 'r-1'],
      ['response.submitted', 'r-1'],
      ['response.created', 'r-1'],
    ]);
    expect(all[1]!.actor).toMatchObject({ id: managerId, displayName: 'Test Monitor' });
    expect((await query('entityType=response&entityId=r-1')).map((e) => e.action)).toEqual([
      'response.approved',
      'response.submitted',
      'response.created',
    ]);
    expect((await query(`actor=${managerId}`)).map((e) => e.action)).toEqual(['response.approved']);
    expect((await query('action=response.created')).map((e) => e.entityId)).toEqual(['r-2', 'r-1']);
  });

  it('filters by date with from (inclusive) and to (exclusive)', async () => {
    const markers = async (qs: string) =>
      (await manager.request('GET', `/api/audit?entityType=marker&${qs}`))
        .json<AuditPage>()
        .items.map((e) => e.entityId);
    expect(await markers('from=2026-11-02T09:00:00Z&to=2026-11-04T09:00:00Z')).toEqual([
      '2026-11-03T09:00:00Z',
      '2026-11-02T09:00:00Z',
    ]);
  });

  it('refuses malformed filters', async () => {
    for (const qs of ['actor=bob', 'from=yesterday', 'limit=0', 'entityType=DROP TABLE'])
      expect((await manager.request('GET', `/api/audit?${qs}`)).status, qs).toBe(400);
  });
});

describe('GET /api/audit/export', () => {
  it('downloads CSV with quoted cells and formulas defused', async () => {
    const response = await manager.request('GET', '/api/audit/export?format=csv&entityType=response');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="audit-.+\.csv"$/);
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('occurred_at,actor_id,actor_email,action,entity_type,entity_id,before,after');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('"response.created","response","r-2","","{""note"":""ok, \\""quoted\\""""}"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
  });

  it('downloads JSON', async () => {
    const response = await manager.request('GET', '/api/audit/export?format=json&entityId=r-1');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const events = JSON.parse(response.body) as AuditEvent[];
    expect(events.map((e) => e.action)).toEqual([
      'response.approved',
      'response.submitted',
      'response.created',
    ]);
    expect(events[0]!.after).toEqual({ note: '=HYPERLINK("http://evil")' });
  });
});

describe('the audit log is append-only', () => {
  it('refuses updates and deletes (database trigger)', async () => {
    const db = server.database.db;
    await expect(db.updateTable('audit_events').set({ action: 'tampered' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_events').where('entity_id', '=', 'r-1').execute()).rejects.toThrow(
      /append-only/,
    );
    const rows = await db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', 'r-1')
      .execute();
    expect(rows.map((r) => r.action).sort()).toEqual([
      'response.approved',
      'response.created',
      'response.submitted',
    ]);
  });
});
