import type { FlagReason } from '@claimwatch/shared/domain';
import { buildClaim, buildDocument, buildFlag } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';
import type { FlagDetail, FlagPage } from './flag.schemas.ts';

let server: TestServer;
let monitor: TestBrowser;

/** A document with one claim and one flag on it; the builders insert real rows. */
async function flagOn(options: {
  title: string;
  priority: number;
  lang?: string;
  reason?: FlagReason;
  text?: string;
}) {
  const text = options.text ?? `${options.title}: Vietnam and Japan signed an agreement in Hanoi.`;
  const document = await buildDocument(server.database.db, {
    title: options.title,
    lang: options.lang ?? 'en',
    text,
  });
  const claim = await buildClaim(server.database.db, document.id, {
    start: 0,
    end: text.length,
    text,
  });
  return buildFlag(server.database.db, {
    documentId: document.id,
    claimId: claim.id,
    priority: options.priority,
    score: options.priority,
    ...(options.reason ? { reason: options.reason } : {}),
  });
}

beforeAll(async () => {
  server = await startTestServer();
  monitor = new TestBrowser(server.app);
  await monitor.logIn((await createTestAccount(server.database, ['monitor'])).email);
});
afterAll(async () => server?.close());

describe('GET /api/flags', () => {
  it('refuses a visitor who is not signed in', async () => {
    await flagOn({ title: 'Hidden', priority: 0.5 });
    const anonymous = new TestBrowser(server.app);
    const response = await anonymous.request('GET', '/api/flags');
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ code: 'unauthenticated', message: 'Sign in first' });
    expect(response.body).not.toContain('Hidden');
  });

  it('lists flags highest priority first, each with its document and claim', async () => {
    await server.database.db.deleteFrom('flags').execute();
    await flagOn({ title: 'Low', priority: 0.2 });
    await flagOn({ title: 'High', priority: 0.9 });
    await flagOn({ title: 'Middle', priority: 0.5 });

    const page = (await monitor.request('GET', '/api/flags')).json<FlagPage>();

    expect(page.items.map((f) => f.document.title)).toEqual(['High', 'Middle', 'Low']);
    expect(page.items[0]).toMatchObject({
      status: 'suggested',
      reason: 'unverified_checkworthy',
      priority: expect.closeTo(0.9, 5),
      claimText: 'High: Vietnam and Japan signed an agreement in Hanoi.',
      document: { lang: 'en', publishedAt: '2026-11-02T08:00:00.000Z' },
    });
    expect(page).toMatchObject({ limit: 50, offset: 0, hasMore: false });
  });

  it('pages with limit and offset', async () => {
    await server.database.db.deleteFrom('flags').execute();
    for (const [title, priority] of [
      ['A', 0.9],
      ['B', 0.8],
      ['C', 0.7],
    ] as const)
      await flagOn({ title, priority });

    const first = (await monitor.request('GET', '/api/flags?limit=2')).json<FlagPage>();
    const second = (await monitor.request('GET', '/api/flags?limit=2&offset=2')).json<FlagPage>();

    expect(first.items.map((f) => f.document.title)).toEqual(['A', 'B']);
    expect(first.hasMore).toBe(true);
    expect(second.items.map((f) => f.document.title)).toEqual(['C']);
    expect(second.hasMore).toBe(false);
  });

  it('filters by status, reason and language', async () => {
    await server.database.db.deleteFrom('flags').execute();
    const confirmed = await flagOn({ title: 'Confirmed', priority: 0.6 });
    await server.database.db
      .updateTable('flags')
      .set({ status: 'confirmed' })
      .where('id', '=', confirmed.id)
      .execute();
    await flagOn({ title: 'Narrative', priority: 0.5, reason: 'repeats_known_narrative' });
    await flagOn({
      title: 'Tiếng Việt',
      priority: 0.4,
      lang: 'vi',
      text: 'Việt Nam và Nhật Bản ký hiệp định.',
    });

    const titles = async (query: string) =>
      (await monitor.request('GET', `/api/flags?${query}`))
        .json<FlagPage>()
        .items.map((f) => f.document.title);

    expect(await titles('status=confirmed')).toEqual(['Confirmed']);
    expect(await titles('status=suggested')).toEqual(['Narrative', 'Tiếng Việt']);
    expect(await titles('reason=repeats_known_narrative')).toEqual(['Narrative']);
    expect(await titles('lang=vi')).toEqual(['Tiếng Việt']);
    expect(await titles('lang=en&reason=unverified_checkworthy')).toEqual(['Confirmed']);
    expect(await titles('status=dismissed')).toEqual([]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['status=approved', 'status'],
    ['reason=rude', 'reason'],
    ['lang=Vietnamese', 'lang'],
  ])('refuses ?%s with 400 validation_failed naming %s', async (query, field) => {
    const response = await monitor.request('GET', `/api/flags?${query}`);
    expect(response.status).toBe(400);
    const body = response.json<{ code: string; message: string }>();
    expect(body.code).toBe('validation_failed');
    expect(body.message).toContain(field);
  });

  it('is readable by every role', async () => {
    for (const role of ['monitor', 'writer', 'manager', 'admin'] as const) {
      const browser = new TestBrowser(server.app);
      await browser.logIn((await createTestAccount(server.database, [role])).email);
      expect((await browser.request('GET', '/api/flags')).status, role).toBe(200);
    }
  });
});

describe('GET /api/flags/:id', () => {
  const text =
    'Hà Nội, ngày 2/11.\n\nViệt Nam và Nhật Bản đã ký hiệp định thương mại tại Hà Nội hôm thứ Hai.\n\nCác bên sẽ họp lại vào năm sau.';
  const sentence = 'Việt Nam và Nhật Bản đã ký hiệp định thương mại tại Hà Nội hôm thứ Hai.';

  it('returns the flag with its claim, the article text, the evidence and the models behind it', async () => {
    const document = await buildDocument(server.database.db, { title: 'Ký hiệp định', lang: 'vi', text });
    const start = text.indexOf(sentence);
    const claim = await buildClaim(server.database.db, document.id, {
      start,
      end: start + sentence.length,
      text: sentence,
      model: { id: 'claim-detector', revision: '7' },
    });
    const flag = await buildFlag(server.database.db, {
      documentId: document.id,
      claimId: claim.id,
      reason: 'contradicts_verified_fact',
      evidence: {
        sentence,
        matches: [{ fact: 'The agreement was signed in Tokyo.', score: 0.91 }],
        thresholds: { contradiction: 0.8 },
        explanation: { vi: 'Mâu thuẫn với dữ kiện đã xác minh.', en: 'Contradicts a verified fact.' },
      },
      models: [{ id: 'nli-verifier', revision: '3' }],
    });

    const response = await monitor.request('GET', `/api/flags/${flag.id}`);

    expect(response.status).toBe(200);
    const detail = response.json<FlagDetail>();
    expect(detail).toMatchObject({
      id: flag.id,
      reason: 'contradicts_verified_fact',
      status: 'suggested',
      claim: {
        id: claim.id,
        text: sentence,
        type: 'agreement_signed',
        model: { id: 'claim-detector', revision: '7' },
      },
      document: { id: document.id, title: 'Ký hiệp định', lang: 'vi', text, publishedReliability: 'high' },
      evidence: {
        sentence,
        explanation: { vi: 'Mâu thuẫn với dữ kiện đã xác minh.', en: 'Contradicts a verified fact.' },
        thresholds: { contradiction: 0.8 },
        matches: [{ fact: 'The agreement was signed in Tokyo.', score: 0.91 }],
      },
      models: [{ id: 'nli-verifier', revision: '3' }],
      classification: { lang: 'en', modelSet: 'test-1', models: [{ id: 'test-detector', revision: '1' }] },
    });
    expect(detail.highlight).toEqual({ start, end: start + sentence.length });
    expect(detail.document.text.slice(detail.highlight!.start, detail.highlight!.end)).toBe(sentence);
  });

  it('finds the claim by its sentence when the stored offsets no longer fit the text', async () => {
    const document = await buildDocument(server.database.db, { lang: 'vi', text });
    const claim = await buildClaim(server.database.db, document.id, {
      start: 0,
      end: sentence.length,
      text: sentence,
    });
    const flag = await buildFlag(server.database.db, { documentId: document.id, claimId: claim.id });

    const detail = (await monitor.request('GET', `/api/flags/${flag.id}`)).json<FlagDetail>();

    expect(detail.highlight).toEqual({
      start: text.indexOf(sentence),
      end: text.indexOf(sentence) + sentence.length,
    });
  });

  it('answers 404 not_found for an unknown id and 400 validation_failed for a malformed one', async () => {
    const missing = await monitor.request('GET', '/api/flags/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });

    const malformed = await monitor.request('GET', '/api/flags/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('refuses a visitor who is not signed in', async () => {
    const flag = await flagOn({ title: 'Private', priority: 0.3 });
    const response = await new TestBrowser(server.app).request('GET', `/api/flags/${flag.id}`);
    expect(response.status).toBe(401);
    expect(response.body).not.toContain('Vietnam and Japan');
  });
});
