import { listAuditEvents } from '@claimwatch/shared/db';
import { buildVerifiedFact } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivePage, seedFlaggedClaim } from '../testing/response-fixtures.ts';
import { createTestAccount, startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';
import type {
  CitationCheck,
  FactPage,
  ResponseDetail,
  ResponsePage,
  ResponseVersion,
} from './response.schemas.ts';

let server: TestServer;
let writer: TestBrowser;
let writerId: string;
let manager: TestBrowser;
let otherManager: TestBrowser;
let monitor: TestBrowser;

async function signedIn(roles: ('monitor' | 'writer' | 'manager' | 'admin')[]) {
  const account = await createTestAccount(server.database, roles);
  const browser = new TestBrowser(server.app);
  await browser.logIn(account.email);
  return { browser, account };
}

beforeAll(async () => {
  server = await startTestServer();
  const w = await signedIn(['writer']);
  writer = w.browser;
  writerId = w.account.id;
  manager = (await signedIn(['manager'])).browser;
  otherManager = (await signedIn(['manager'])).browser;
  monitor = (await signedIn(['monitor'])).browser;
});
afterAll(async () => server?.close());

async function draft(
  template: 'official_statement' | 'social_reply' | 'qa_explainer' = 'official_statement',
  seed: Parameters<typeof seedFlaggedClaim>[1] = {},
  by = writer,
) {
  const seeded = await seedFlaggedClaim(server.database.db, seed);
  const response = await by.request('POST', '/api/responses', {
    body: { flagIds: [seeded.flag.id], template },
  });
  expect(response.status, response.body).toBe(201);
  return { ...seeded, detail: response.json<ResponseDetail>() };
}

const act = async (browser: TestBrowser, id: string, step: 'submit' | 'approve' | 'publish') =>
  browser.request('POST', `/api/responses/${id}/${step}`);

describe('POST /api/responses (draft from flags and a template)', () => {
  it('prefills both languages from the claim, the matched fact and its sources, and cites them', async () => {
    const { detail, claimText, factId, sourceUrl, flag } = await draft('official_statement');

    expect(detail).toMatchObject({
      template: 'official_statement',
      verdictLabel: 'false',
      status: 'draft',
      version: 1,
      lengthLimit: null,
      claims: [{ flagId: flag.id, claimText }],
      citations: [
        { kind: 'verified_fact', factId, url: null },
        { kind: 'source', url: sourceUrl, title: 'Bộ Ngoại giao: Quan hệ Việt Nam – Nhật Bản', quote: null },
      ],
      createdBy: { id: writerId },
      alignment: null,
    });
    expect(detail.textVi).toContain('TUYÊN BỐ');
    expect(detail.textVi).toContain(claimText);
    expect(detail.textVi).toContain('Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao ngày 21/9/1973.');
    expect(detail.textVi).toContain('sai sự thật');
    expect(detail.textEn).toContain('STATEMENT');
    expect(detail.textEn).toContain(
      'Vietnam and Japan established diplomatic relations on 21 September 1973.',
    );
    expect(detail.textEn).toContain(sourceUrl);
    const audit = await listAuditEvents(server.database.db, 'response', detail.id);
    expect(audit.map((e) => e.action)).toEqual(['response.created']);
    expect(audit[0]!.actor_user_id).toBe(writerId);
  });

  it('is deterministic: the same flag and template give the same texts', async () => {
    const seeded = await seedFlaggedClaim(server.database.db);
    const body = { flagIds: [seeded.flag.id], template: 'qa_explainer' };
    const a = (await writer.request('POST', '/api/responses', { body })).json<ResponseDetail>();
    const b = (await writer.request('POST', '/api/responses', { body })).json<ResponseDetail>();
    expect(a.textVi).toBe(b.textVi);
    expect(a.textEn).toBe(b.textEn);
    expect(a.textVi).toMatch(/^Hỏi: Có đúng là/);
    expect(a.textEn).toMatch(/^Q: Is it true that/);
  });

  it('keeps a social reply within its length limit, and refuses an edit beyond it', async () => {
    const long = `${'Japan and Vietnam only established relations in 1995, a source said. '.repeat(8)}`;
    const { detail } = await draft('social_reply', { claim: long.trim() });
    expect(detail.lengthLimit).toBe(280);
    expect([...detail.textVi].length).toBeLessThanOrEqual(280);
    expect([...detail.textEn].length).toBeLessThanOrEqual(280);
    expect(detail.textEn).toMatch(/^False: “/);

    const tooLong = await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: { version: 1, textEn: 'x'.repeat(281) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('answers several flags in one response', async () => {
    const a = await seedFlaggedClaim(server.database.db);
    const b = await seedFlaggedClaim(server.database.db, { claim: 'Vietnam and Japan have no partnership.' });
    const response = await writer.request('POST', '/api/responses', {
      body: { flagIds: [a.flag.id, b.flag.id], template: 'official_statement', verdictLabel: 'misleading' },
    });
    expect(response.status).toBe(201);
    const detail = response.json<ResponseDetail>();
    expect(detail.claims.map((c) => c.flagId).sort()).toEqual([a.flag.id, b.flag.id].sort());
    expect(detail.verdictLabel).toBe('misleading');
    expect(detail.citations.filter((c) => c.kind === 'verified_fact')).toHaveLength(2);
  });

  it('answers 404 for an unknown flag, 403 for a monitor, 401 for a visitor', async () => {
    const body = { flagIds: ['00000000-0000-4000-8000-000000000000'], template: 'official_statement' };
    expect((await writer.request('POST', '/api/responses', { body })).status).toBe(404);
    expect((await monitor.request('POST', '/api/responses', { body })).status).toBe(403);
    expect((await new TestBrowser(server.app).request('POST', '/api/responses', { body })).status).toBe(401);
  });
});

describe('editing and versions', () => {
  it('saves each edit as a new version, keeps the history, and refuses a stale version', async () => {
    const { detail } = await draft();
    const saved = await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: { version: 1, textVi: 'Bản sửa tiếng Việt.', textEn: 'An edited English text.' },
    });
    expect(saved.status).toBe(200);
    expect(saved.json<ResponseDetail>()).toMatchObject({ version: 2, textVi: 'Bản sửa tiếng Việt.' });

    const stale = await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: { version: 1, textVi: 'x' },
    });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict' });

    const versions = (await monitor.request('GET', `/api/responses/${detail.id}/versions`)).json<{
      items: ResponseVersion[];
    }>();
    expect(versions.items.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.items[0]).toMatchObject({ textVi: 'Bản sửa tiếng Việt.', changedBy: { id: writerId } });
    expect(versions.items[1]!.textVi).toBe(detail.textVi);
  });

  it('warns when one language side changed after the other was last edited, and after approval', async () => {
    const { detail } = await draft();
    const viOnly = (
      await writer.request('PUT', `/api/responses/${detail.id}`, {
        body: { version: 1, textVi: `${detail.textVi} Thêm.` },
      })
    ).json<ResponseDetail>();
    expect(viOnly.alignment).toEqual({ changedSide: 'vi', staleSide: 'en', since: 'edit' });

    const both = (
      await writer.request('PUT', `/api/responses/${detail.id}`, {
        body: { version: 2, textVi: 'Tiếng Việt đã chỉnh.', textEn: 'English aligned.' },
      })
    ).json<ResponseDetail>();
    expect(both.alignment).toBeNull();

    expect((await act(writer, detail.id, 'submit')).status).toBe(200);
    expect((await act(manager, detail.id, 'approve')).status).toBe(200);
    const enAfterApproval = (
      await writer.request('PUT', `/api/responses/${detail.id}`, {
        body: { version: 3, textEn: 'English changed later.' },
      })
    ).json<ResponseDetail>();
    expect(enAfterApproval).toMatchObject({
      status: 'draft',
      approvedVersion: 3,
      alignment: { changedSide: 'en', staleSide: 'vi', since: 'approval' },
    });
  });
});

describe('review: submit, approve by someone else, publish', () => {
  it('runs draft → in_review → approved → published with an audit event at each step', async () => {
    const { detail } = await draft();
    expect((await act(manager, detail.id, 'approve')).json()).toMatchObject({ code: 'conflict' });

    const submitted = await act(writer, detail.id, 'submit');
    expect(submitted.json<ResponseDetail>()).toMatchObject({ status: 'in_review' });
    const approved = await act(manager, detail.id, 'approve');
    expect(approved.status, approved.body).toBe(200);
    expect(approved.json<ResponseDetail>()).toMatchObject({ status: 'approved', approvedVersion: 1 });
    // The approved response is a reference now: the classifier is told to re-verify what repeats it.
    expect(
      await server.database.db
        .selectFrom('reference_changes')
        .select(['reference_kind', 'version'])
        .where('reference_id', '=', detail.id)
        .execute(),
    ).toEqual([{ reference_kind: 'response', version: 1 }]);
    const published = await act(manager, detail.id, 'publish');
    expect(published.json<ResponseDetail>().status).toBe('published');
    expect(published.json<ResponseDetail>().publishedAt).not.toBeNull();

    const edit = await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: { version: 1, textVi: 'x' },
    });
    expect(edit.status).toBe(409);

    const audit = await listAuditEvents(server.database.db, 'response', detail.id);
    expect(audit.map((e) => e.action)).toEqual([
      'response.created',
      'response.submitted',
      'response.approved',
      'response.published',
    ]);
    expect(audit[2]!.before).toMatchObject({ status: 'in_review' });
    expect(audit[2]!.after).toMatchObject({ status: 'approved', approvedVersion: 1 });

    const listed = (await monitor.request('GET', '/api/responses?status=published')).json<ResponsePage>();
    expect(listed.items.map((i) => i.id)).toContain(detail.id);
    expect(listed.items.every((i) => i.status === 'published')).toBe(true);
  });

  it('refuses approval by the author, even a manager, and by whoever saved the version under review', async () => {
    const own = await draft('official_statement', {}, manager);
    await act(manager, own.detail.id, 'submit');
    const selfApproval = await act(manager, own.detail.id, 'approve');
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.json()).toMatchObject({ code: 'forbidden' });

    const edited = await draft();
    await manager.request('PUT', `/api/responses/${edited.detail.id}`, {
      body: { version: 1, textEn: 'Manager wording.' },
    });
    await act(writer, edited.detail.id, 'submit');
    expect((await act(manager, edited.detail.id, 'approve')).status).toBe(403);
    expect((await act(otherManager, edited.detail.id, 'approve')).status).toBe(200);
  });

  it('lets only managers approve and publish (policy)', async () => {
    const { detail } = await draft();
    await act(writer, detail.id, 'submit');
    expect((await act(writer, detail.id, 'approve')).status).toBe(403);
    expect((await act(monitor, detail.id, 'approve')).status).toBe(403);
    expect((await act(otherManager, detail.id, 'approve')).status).toBe(200);
    expect((await act(writer, detail.id, 'publish')).status).toBe(403);
  });
});

describe('the citation check before approval', () => {
  it('refuses approval when a cited URL has no archived snapshot', async () => {
    const { detail, sourceUrl } = await draft('official_statement', { archived: false });
    const check = (
      await writer.request('GET', `/api/responses/${detail.id}/citation-check`)
    ).json<CitationCheck>();
    expect(check).toEqual({
      ok: false,
      problems: [{ position: 1, code: 'no_snapshot', message: `No archived snapshot of ${sourceUrl}` }],
    });
    await act(writer, detail.id, 'submit');
    const refused = await act(manager, detail.id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.json<{ message: string }>().message).toContain('no_snapshot');
  });

  it('finds a quoted passage in the snapshot text despite markup, entities, whitespace and NFD input', async () => {
    const { detail, sourceUrl, factId } = await draft();
    const quote = 'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao ngày 21 tháng 9 năm 1973.'.normalize(
      'NFD',
    );
    const saved = await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: {
        version: 1,
        citations: [
          { kind: 'verified_fact', factId },
          { kind: 'source', url: sourceUrl, title: 'MOFA', quote: `  ${quote.replace(/ /g, '\n ')}` },
        ],
      },
    });
    expect(saved.status, saved.body).toBe(200);
    const check = (
      await writer.request('GET', `/api/responses/${detail.id}/citation-check`)
    ).json<CitationCheck>();
    expect(check).toEqual({ ok: true, problems: [] });
  });

  it('refuses a quote that is not in the snapshot, text inside a script, and a retired fact', async () => {
    const { detail, sourceUrl, factId } = await draft();
    await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: {
        version: 1,
        citations: [
          { kind: 'verified_fact', factId },
          { kind: 'source', url: sourceUrl, quote: 'Nhật Bản thiết lập quan hệ năm 1995.' },
          { kind: 'source', url: sourceUrl, quote: 'không phải văn bản' },
        ],
      },
    });
    await server.database.db
      .updateTable('verified_facts')
      .set({ status: 'retired' })
      .where('id', '=', factId)
      .execute();
    const check = (
      await writer.request('GET', `/api/responses/${detail.id}/citation-check`)
    ).json<CitationCheck>();
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => [p.position, p.code])).toEqual([
      [0, 'fact_retired'],
      [1, 'quote_not_found'],
      [2, 'quote_not_found'],
    ]);
    await act(writer, detail.id, 'submit');
    expect((await act(manager, detail.id, 'approve')).status).toBe(409);
  });

  it('refuses a response that cites nothing, and a citation of an unknown fact', async () => {
    const { detail } = await draft();
    await writer.request('PUT', `/api/responses/${detail.id}`, { body: { version: 1, citations: [] } });
    const none = (
      await writer.request('GET', `/api/responses/${detail.id}/citation-check`)
    ).json<CitationCheck>();
    expect(none.problems.map((p) => p.code)).toEqual(['no_citations']);
    const bad = await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: { version: 2, citations: [{ kind: 'verified_fact', factId: 'no-such-fact' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('no-such-fact');
  });

  it('refuses citations that are not http(s) or lack their target', async () => {
    const { detail } = await draft();
    for (const citation of [
      { kind: 'source', url: 'javascript:alert(1)' },
      { kind: 'source' },
      { kind: 'verified_fact' },
    ]) {
      const response = await writer.request('PUT', `/api/responses/${detail.id}`, {
        body: { version: 1, citations: [citation] },
      });
      expect(response.status, JSON.stringify(citation)).toBe(400);
    }
  });
});

describe('editing the citation list', () => {
  it('saves added, removed and reordered citations in order; the check then points at the new positions', async () => {
    const { detail, factId, sourceUrl } = await draft();
    expect(detail.citations.map((c) => c.factId ?? c.url)).toEqual([factId, sourceUrl]);
    const otherUrl = `https://news-${detail.id.slice(0, 8)}.example/a.html`;
    await archivePage(server.database.db, otherUrl, '<p>Hai nước là Đối tác Chiến lược Toàn diện.</p>');
    const unarchived = `https://nowhere-${detail.id.slice(0, 8)}.example/b.html`;

    // Add two sources, drop the fact, and put the new ones first.
    const saved = await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: {
        version: 1,
        citations: [
          { kind: 'source', url: unarchived, title: 'Không lưu trữ', quote: null },
          { kind: 'source', url: otherUrl, title: 'Báo', quote: 'Đối tác Chiến lược Toàn diện' },
          { kind: 'source', url: sourceUrl, title: 'Bộ Ngoại giao', quote: 'không có trong trang' },
        ],
      },
    });
    expect(saved.status, saved.body).toBe(200);
    expect(saved.json<ResponseDetail>().citations).toEqual([
      { kind: 'source', factId: null, url: unarchived, title: 'Không lưu trữ', quote: null, factText: null },
      {
        kind: 'source',
        factId: null,
        url: otherUrl,
        title: 'Báo',
        quote: 'Đối tác Chiến lược Toàn diện',
        factText: null,
      },
      {
        kind: 'source',
        factId: null,
        url: sourceUrl,
        title: 'Bộ Ngoại giao',
        quote: 'không có trong trang',
        factText: null,
      },
    ]);
    const check = (
      await writer.request('GET', `/api/responses/${detail.id}/citation-check`)
    ).json<CitationCheck>();
    expect(check.problems.map((p) => [p.position, p.code])).toEqual([
      [0, 'no_snapshot'],
      [2, 'quote_not_found'],
    ]);

    // Move the failing ones last and the fact back first: the problems follow them.
    const again = await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: {
        version: 2,
        citations: [
          { kind: 'verified_fact', factId },
          { kind: 'source', url: otherUrl, title: 'Báo', quote: 'Đối tác Chiến lược Toàn diện' },
          { kind: 'source', url: sourceUrl, title: 'Bộ Ngoại giao', quote: 'không có trong trang' },
          { kind: 'source', url: unarchived, title: 'Không lưu trữ' },
        ],
      },
    });
    expect(again.status, again.body).toBe(200);
    // A cited fact comes with its text, for display.
    expect(again.json<ResponseDetail>().citations[0]).toMatchObject({
      kind: 'verified_fact',
      factId,
      factText: {
        vi: 'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao ngày 21/9/1973.',
        en: 'Vietnam and Japan established diplomatic relations on 21 September 1973.',
      },
    });
    const recheck = (
      await writer.request('GET', `/api/responses/${detail.id}/citation-check`)
    ).json<CitationCheck>();
    expect(recheck.problems.map((p) => [p.position, p.code])).toEqual([
      [2, 'quote_not_found'],
      [3, 'no_snapshot'],
    ]);
    // Each save is a version holding the list as it was.
    const versions = (await writer.request('GET', `/api/responses/${detail.id}/versions`)).json<{
      items: ResponseVersion[];
    }>();
    expect(versions.items.map((v) => v.citations.length)).toEqual([4, 3, 2]);
  });

  it('refuses a stale version without touching the citations', async () => {
    const { detail, sourceUrl } = await draft();
    await writer.request('PUT', `/api/responses/${detail.id}`, { body: { version: 1, textVi: 'Sửa.' } });
    const stale = await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: { version: 1, citations: [{ kind: 'source', url: sourceUrl }] },
    });
    expect(stale.status).toBe(409);
    const now = (await writer.request('GET', `/api/responses/${detail.id}`)).json<ResponseDetail>();
    expect(now.citations).toHaveLength(2);
  });
});

describe('GET /api/facts (the citation picker)', () => {
  const fact = (id: string, vi: string, en: string, status: 'active' | 'retired' = 'active') =>
    buildVerifiedFact(server.database.db, {
      id,
      kind: 'membership',
      structured: { organisation: 'ASEAN', date: '1995-07-28' },
      text: { vi, en },
      sources: [{ url: 'https://asean.example/members', title: 'ASEAN' }],
      status,
    });

  beforeAll(async () => {
    await fact(
      'zz-asean-1995',
      'Việt Nam gia nhập ASEAN ngày 28/7/1995.',
      'Vietnam joined ASEAN on 28 July 1995.',
    );
    await fact(
      'zz-wto-2007',
      'Việt Nam gia nhập WTO ngày 11/1/2007.',
      'Vietnam joined the WTO on 11 January 2007.',
    );
    await fact('zz-old-100', 'Dữ kiện cũ đã ngừng dùng.', 'A retired fact.', 'retired');
    await fact('zz-percent', 'Tỉ lệ 100% thành viên.', 'A 100% membership rate.');
  });

  const search = async (who: TestBrowser, q: string, limit?: number) => {
    const response = await who.request(
      'GET',
      `/api/facts?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`,
    );
    expect(response.status, response.body).toBe(200);
    return response.json<FactPage>();
  };

  it('finds active facts by every word, in either language or the id, case-insensitively', async () => {
    expect((await search(writer, 'gia nhập asean')).items).toEqual([
      {
        id: 'zz-asean-1995',
        kind: 'membership',
        textVi: 'Việt Nam gia nhập ASEAN ngày 28/7/1995.',
        textEn: 'Vietnam joined ASEAN on 28 July 1995.',
      },
    ]);
    expect((await search(writer, 'JOINED zz-')).items.map((f) => f.id)).toEqual([
      'zz-asean-1995',
      'zz-wto-2007',
    ]);
    expect((await search(manager, 'WTO 2007')).items.map((f) => f.id)).toEqual(['zz-wto-2007']);
    // Without diacritics, or with them in capitals: Vietnamese is often typed either way.
    expect((await search(writer, 'gia nhap ASEAN')).items.map((f) => f.id)).toEqual(['zz-asean-1995']);
    expect((await search(writer, 'VIỆT NAM GIA NHẬP wto')).items.map((f) => f.id)).toEqual(['zz-wto-2007']);
    expect((await search(writer, 'ti le thanh vien')).items.map((f) => f.id)).toEqual(['zz-percent']);
    // A retired fact is not offered: the citation check would refuse it.
    expect((await search(writer, 'retired')).items).toEqual([]);
  });

  it('treats % and _ as text, and pages with hasMore', async () => {
    // As patterns, these would also match "2007" and "100".
    expect((await search(writer, '0%')).items.map((f) => f.id)).toEqual(['zz-percent']);
    expect((await search(writer, '1_0')).items).toEqual([]);
    const first = await search(writer, 'zz-', 2);
    expect(first).toEqual({
      items: [
        expect.objectContaining({ id: 'zz-asean-1995' }),
        expect.objectContaining({ id: 'zz-percent' }),
      ],
      hasMore: true,
    });
    expect((await search(writer, 'zz-', 3)).hasMore).toBe(false);
  });

  it('is for those who draft: 403 for a monitor, 401 for a visitor, 400 for a bad limit', async () => {
    expect((await monitor.request('GET', '/api/facts?q=asean')).status).toBe(403);
    expect((await new TestBrowser(server.app).request('GET', '/api/facts')).status).toBe(401);
    expect((await writer.request('GET', '/api/facts?limit=500')).status).toBe(400);
  });
});

describe('GET /api/responses/:id/export', () => {
  async function approvedResponse() {
    const { detail, claimText, sourceUrl } = await draft();
    await writer.request('PUT', `/api/responses/${detail.id}`, {
      body: {
        version: 1,
        textVi: 'Kết luận <script>alert(1)</script> & "trích dẫn".',
        textEn: 'Verdict: <img src=x onerror=alert(1)> *false*.',
      },
    });
    await act(writer, detail.id, 'submit');
    await act(manager, detail.id, 'approve');
    return { id: detail.id, claimText, sourceUrl };
  }

  it('refuses to export a draft', async () => {
    const { detail } = await draft();
    expect((await writer.request('GET', `/api/responses/${detail.id}/export?format=md`)).status).toBe(409);
  });

  it('downloads Markdown with the text escaped', async () => {
    const { id, sourceUrl } = await approvedResponse();
    const md = await writer.request('GET', `/api/responses/${id}/export?format=md&lang=en`);
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(String(md.headers['content-disposition'])).toMatch(
      /^attachment; filename="response-[0-9a-f]{8}-v2-en\.md"$/,
    );
    expect(md.body).toContain('# False');
    expect(md.body).toContain('Verdict: \\<img src=x onerror=alert(1)\\> \\*false\\*.');
    expect(md.body).toContain(`<${sourceUrl}>`);
  });

  it('downloads HTML with every text escaped and a CSP that forbids scripts', async () => {
    const { id } = await approvedResponse();
    const html = await writer.request('GET', `/api/responses/${id}/export?format=html`);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;trích dẫn&quot;');
    expect(html.body).not.toContain('<script>');
    expect(html.body).toContain(`content="default-src 'none'`);
    expect(html.body).toContain('<html lang="vi">');
  });

  it('downloads schema.org ClaimReview JSON-LD', async () => {
    const { id, claimText, sourceUrl } = await approvedResponse();
    const response = await writer.request('GET', `/api/responses/${id}/export?format=jsonld&lang=en`);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const jsonld = JSON.parse(response.body);
    expect(jsonld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claimText,
      inLanguage: 'en',
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'False',
      },
      itemReviewed: { '@type': 'Claim', appearance: [{ '@type': 'CreativeWork' }] },
      citation: [{ '@type': 'CreativeWork', url: sourceUrl }],
    });
    expect(jsonld.reviewBody).toBe('Verdict: <img src=x onerror=alert(1)> *false*.');
  });
});

describe('CSRF on the mutating response routes', () => {
  it('refuses every mutation without the token', async () => {
    const { detail, flag } = await draft();
    const attempts: [string, string, unknown][] = [
      ['POST', '/api/responses', { flagIds: [flag.id], template: 'official_statement' }],
      ['PUT', `/api/responses/${detail.id}`, { version: 1, textVi: 'x' }],
      ['POST', `/api/responses/${detail.id}/submit`, undefined],
      ['POST', `/api/responses/${detail.id}/approve`, undefined],
      ['POST', `/api/responses/${detail.id}/publish`, undefined],
    ];
    for (const [method, url, body] of attempts) {
      const response = await manager.request(method as 'POST', url, { body, csrf: false });
      expect(response.status, `${method} ${url}`).toBe(403);
      expect(response.json()).toMatchObject({ code: 'forbidden' });
    }
    const after = (await writer.request('GET', `/api/responses/${detail.id}`)).json<ResponseDetail>();
    expect(after).toMatchObject({ version: 1, status: 'draft' });
  });
});
