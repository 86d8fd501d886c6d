import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@claimwatch/shared/config';
import { addAppearance, replaceFlagReferences } from '@claimwatch/shared/db';
import { createLogger } from '@claimwatch/shared/logging';
import {
  buildClaim,
  buildDocument,
  buildFlag,
  buildVerifiedFact,
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
} from '@claimwatch/shared/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAccount } from '../auth/user-accounts.ts';
import { launchOsChromium } from '../digest/digest-pdf.ts';
import type { Api } from '../http/api-types.ts';
import { createReviewServer } from '../http/create-server.ts';
import { ensureWebUi } from '../http/web-build.ts';

/**
 * Triage in the real browser: the built UI served by the real server on a test database and Redis.
 * A monitor triages with the keyboard only (single decisions, a bulk dismiss of a shift-x range, undo),
 * a second monitor sees the lock, a hostile article renders inert, and the language switches.
 */

const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
const PASSWORD = 'correct horse battery staple';

let database: TestDatabase;
let queues: TestQueues;
let app: Api;
let baseUrl: string;
let browser: Browser;
let xssFlagId: string;
const titles = ['Bài 1', 'Bài 2', 'Bài 3', 'Bài 4', 'Bài 5', 'Bài 6'];

const XSS_TEXT = [
  'Tin nóng <script>window.__pwned = "script"; alert("script")</script> về quan hệ Việt – Trung.',
  '<img src="x" onerror="window.__pwned = \'img\'; alert(\'img\')">',
  '<a href="javascript:alert(\'link\')">bấm vào đây</a>',
  '<svg onload="window.__pwned = \'svg\'; alert(\'svg\')"><script>alert("svg-script")</script></svg>',
  'Việt Nam và Trung Quốc đã ký hiệp định biên giới năm 2030.',
].join('\n\n');
const XSS_CLAIM = 'Việt Nam và Trung Quốc đã ký hiệp định biên giới năm 2030.';

async function seedFlag(title: string, priority: number, text: string, claimText: string, url?: string) {
  const document = await buildDocument(database.db, {
    title,
    lang: 'vi',
    text,
    ...(url ? { url } : {}),
  });
  const start = text.indexOf(claimText);
  const claim = await buildClaim(database.db, document.id, {
    start,
    end: start + claimText.length,
    text: claimText,
  });
  return buildFlag(database.db, {
    documentId: document.id,
    claimId: claim.id,
    priority,
    score: priority,
    evidence: {
      sentence: claimText,
      matches: [],
      thresholds: { checkworthiness: 0.6 },
      explanation: { vi: 'Khẳng định cần kiểm chứng.', en: 'A claim worth checking.' },
    },
  });
}

const launch = (): Promise<Browser> => launchOsChromium('/usr/bin/chromium');

async function logIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/triage`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('triage-row').first().waitFor();
}

const focusedTitle = (page: Page) => page.locator('tr[data-focused="true"] a').first().textContent();

async function waitForText(page: Page, testId: string, pattern: RegExp) {
  await page.getByTestId(testId).filter({ hasText: pattern }).waitFor();
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  database = await createTestDatabase({ kind: 'pglite' });
  queues = await createTestQueues();
  const webDir = await ensureWebUi();
  app = await createReviewServer({
    db: database.db,
    logger: createLogger({ level: 'silent' }, 'triage-e2e'),
    sessionSecret: 'e2e-session-secret-that-is-long-enough-0123456789',
    isHttps: false,
    webDir,
    redis: { client: queues.redis, prefix: queues.prefix },
    triage: { eventPollMs: 250 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  baseUrl = `http://127.0.0.1:${port}`;
  for (const [email, name] of [
    ['an@claimwatch.test', 'Chị An'],
    ['binh@claimwatch.test', 'Anh Bình'],
  ] as const)
    await createUserAccount(database.db, {
      email,
      displayName: name,
      password: PASSWORD,
      roles: ['monitor'],
    });
  for (const [i, title] of titles.entries()) {
    const claim = `Việt Nam và Nhật Bản ký thỏa thuận số ${i + 1} tại Hà Nội.`;
    await seedFlag(title, 0.9 - i * 0.1, `Hà Nội, 2/11. ${claim} Hai bên sẽ họp lại.`, claim);
  }
  // Bài 3 is carried by a second outlet (near-duplicate cluster) and matched to a verified fact.
  const bai3 = await database.db
    .selectFrom('flags')
    .innerJoin('documents', 'documents.id', 'flags.document_id')
    .select(['flags.id', 'flags.document_id'])
    .where('documents.title', '=', 'Bài 3')
    .executeTakeFirstOrThrow();
  const copy = await buildDocument(database.db, {
    title: 'Bài 3 (đăng lại)',
    lang: 'vi',
    text: 'Bản đăng lại của bài 3.',
    url: 'https://bao-khac.example/bai-3',
  });
  await addAppearance(
    database.db,
    {
      documentId: copy.id,
      sourceId: null,
      url: 'https://bao-khac.example/bai-3',
      match: 'near',
      similarity: 0.94,
    },
    bai3.document_id,
  );
  await buildVerifiedFact(database.db, {
    id: 'vn-jp-partnership',
    kind: 'partnership',
    structured: {
      parties: ['VN', 'JP'],
      level: 'comprehensive_strategic',
      date: '2023-11-27',
      validFrom: '2023-11-27',
    },
    text: {
      vi: 'Việt Nam và Nhật Bản nâng quan hệ lên Đối tác chiến lược toàn diện ngày 27/11/2023.',
      en: 'Vietnam and Japan upgraded ties to a Comprehensive Strategic Partnership on 27 November 2023.',
    },
    sources: [{ url: 'https://www.mofa.go.jp/s_sa/sea1/vn/page1e_000001.html', title: 'MOFA Japan' }],
  });
  await replaceFlagReferences(database.db, bai3.id, [
    { kind: 'verified_fact', id: 'vn-jp-partnership', version: 1, score: 0.82 },
  ]);
  xssFlagId = (
    await seedFlag('<img src=x onerror=alert(1)>Tin độc', 0.05, XSS_TEXT, XSS_CLAIM, 'javascript:alert(1)')
  ).id;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await queues?.close();
  await database?.close();
});

describe('triage in Chromium', () => {
  it('triages with the keyboard, shows the lock to a second monitor, renders hostile text inert, switches language', async () => {
    const dialogs: string[] = [];
    const an = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1400, height: 1000 } });
    an.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await logIn(an, 'an@claimwatch.test');
    await waitForText(an, 'triage-total', /7 mục/);
    await an.screenshot({ path: path.join(screenshots, 'triage-list.png'), fullPage: true });

    // ? shows the help; Esc closes it.
    await an.keyboard.press('?');
    await an.getByTestId('help-dialog').waitFor();
    await an.screenshot({ path: path.join(screenshots, 'triage-help.png') });
    await an.keyboard.press('Escape');
    await an.getByTestId('help-dialog').waitFor({ state: 'detached' });

    // j moves, c confirms the focused item: it leaves the suggested queue; u brings it back.
    await an.keyboard.press('j');
    expect(await focusedTitle(an)).toBe('Bài 2');
    await an.keyboard.press('c');
    await waitForText(an, 'triage-message', /1 mục đã cập nhật/);
    await waitForText(an, 'triage-total', /^6 mục/);
    expect(await an.getByTestId('triage-row').filter({ hasText: 'Bài 2' }).count()).toBe(0);
    await an.keyboard.press('u');
    await waitForText(an, 'triage-message', /Đã hoàn tác 1 mục/);
    await waitForText(an, 'triage-total', /^7 mục/);

    // x selects, shift-x extends to a range, d + 2 dismisses the selection as "not relevant".
    await an.keyboard.press('k');
    await an.keyboard.press('k');
    expect(await focusedTitle(an)).toBe('Bài 1');
    await an.keyboard.press('x');
    await an.keyboard.press('j');
    await an.keyboard.press('j');
    await an.keyboard.press('Shift+X');
    await waitForText(an, 'selection', /Đã chọn 3 mục/);
    await an.screenshot({ path: path.join(screenshots, 'triage-selection.png'), fullPage: true });
    await an.keyboard.press('d');
    await an.getByTestId('dismiss-dialog').waitFor();
    await an.keyboard.press('2');
    await waitForText(an, 'triage-message', /3 mục đã cập nhật/);
    await waitForText(an, 'triage-total', /^4 mục/);
    expect(await an.getByTestId('triage-row').allTextContents()).not.toContain(
      expect.stringContaining('Bài 1'),
    );
    // ctrl+z undoes the whole bulk action.
    await an.keyboard.press('Control+z');
    await waitForText(an, 'triage-message', /Đã hoàn tác 3 mục/);
    await waitForText(an, 'triage-total', /^7 mục/);

    // * selects every result of the filter: escalate them all, then undo.
    await an.keyboard.press('*');
    await waitForText(an, 'selection', /tất cả 7 kết quả/);
    await an.keyboard.press('e');
    await waitForText(an, 'triage-message', /7 mục đã cập nhật/);
    await waitForText(an, 'triage-total', /^0 mục/);
    await an.keyboard.press('u');
    await waitForText(an, 'triage-total', /^7 mục/);

    // Enter opens the focused item, which locks it for An.
    while ((await focusedTitle(an)) !== 'Bài 3') await an.keyboard.press('j');
    await an.keyboard.press('Enter');
    await an.getByTestId('lock-mine').waitFor();
    expect(await an.getByTestId('article-text').locator('mark').textContent()).toContain('số 3');
    await an.getByTestId('appearances').filter({ hasText: 'Bài 3 (đăng lại)' }).waitFor();
    await an.getByText('Đối tác chiến lược toàn diện ngày 27/11/2023').waitFor();
    // n focuses the note field; Ctrl+Enter adds the note, which shows as text; Esc gives the keys back.
    await an.keyboard.press('n');
    await an.keyboard.type('Cần đối chiếu <b>nguồn</b> gốc');
    await an.keyboard.press('Control+Enter');
    await an.getByTestId('notes').filter({ hasText: 'Cần đối chiếu <b>nguồn</b> gốc' }).waitFor();
    await an.keyboard.press('Escape');
    await an.screenshot({ path: path.join(screenshots, 'triage-item.png'), fullPage: true });

    // Bình sees the item as taken by An, in the list and on the item, and cannot decide it.
    const binh = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1400, height: 1000 } });
    await logIn(binh, 'binh@claimwatch.test');
    const taken = binh.getByTestId('triage-row').filter({ hasText: 'Bài 3' }).getByTestId('row-lock');
    await taken.filter({ hasText: 'Chị An' }).waitFor();
    await binh.screenshot({ path: path.join(screenshots, 'triage-lock-list.png'), fullPage: true });
    while ((await focusedTitle(binh)) !== 'Bài 3') await binh.keyboard.press('j');
    await binh.keyboard.press('c');
    await waitForText(binh, 'triage-message', /người khác mở/);
    await binh.keyboard.press('Enter');
    await binh.getByTestId('lock-banner').filter({ hasText: 'Chị An' }).waitFor();
    expect(await binh.getByRole('button', { name: 'Xác nhận (c)' }).isDisabled()).toBe(true);
    await binh.screenshot({ path: path.join(screenshots, 'triage-lock-item.png'), fullPage: true });

    // Live: a new flag shows up as a counter on Bình's queue without taking the focus.
    await binh.keyboard.press('b');
    await binh.getByTestId('triage-row').first().waitFor();
    const focusBefore = await binh.evaluate(() => document.activeElement?.tagName);
    await seedFlag(
      'Bài mới',
      0.95,
      'Hà Nội. Việt Nam và Hàn Quốc ký thỏa thuận mới.',
      'Việt Nam và Hàn Quốc ký thỏa thuận mới.',
    );
    await binh.getByTestId('new-flags').filter({ hasText: '1 cờ mới' }).waitFor();
    expect(await binh.evaluate(() => document.activeElement?.tagName)).toBe(focusBefore);
    await binh.screenshot({ path: path.join(screenshots, 'triage-live-counter.png'), fullPage: true });
    await binh.keyboard.press('r');
    await binh.getByTestId('triage-row').filter({ hasText: 'Bài mới' }).waitFor();

    // A hostile article renders as inert text: no dialog, no script, no injected elements.
    await an.goto(`${baseUrl}/triage/${xssFlagId}`);
    const article = an.getByTestId('article-text');
    await article.waitFor();
    expect(await article.textContent()).toContain('<script>window.__pwned');
    expect(await article.textContent()).toContain('<svg onload=');
    expect(
      await an
        .locator(
          '[data-testid="article-text"] script, [data-testid="article-text"] img, [data-testid="article-text"] svg, [data-testid="article-text"] a',
        )
        .count(),
    ).toBe(0);
    expect(await an.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await an.locator('h1').first().textContent()).toBe('<img src=x onerror=alert(1)>Tin độc');
    await an.screenshot({ path: path.join(screenshots, 'triage-xss.png'), fullPage: true });
    expect(await an.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();

    // Language switch: the queue in English.
    await an.goto(`${baseUrl}/triage`);
    await an.getByRole('button', { name: 'English' }).click();
    await an.getByRole('heading', { name: 'Triage' }).waitFor();
    await waitForText(an, 'triage-total', /items match the filter/);
    expect(await an.getByRole('button', { name: 'Confirm (c)' }).count()).toBe(1);
    await an.screenshot({ path: path.join(screenshots, 'triage-list-en.png'), fullPage: true });

    expect(dialogs).toEqual([]);
  });
});
