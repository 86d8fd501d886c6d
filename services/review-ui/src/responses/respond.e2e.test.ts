import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@claimwatch/shared/config';
import { createLogger } from '@claimwatch/shared/logging';
import { buildVerifiedFact, createTestDatabase, type TestDatabase } from '@claimwatch/shared/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../auth/totp.ts';
import { launchOsChromium } from '../digest/digest-pdf.ts';
import type { Api } from '../http/api-types.ts';
import { createReviewServer } from '../http/create-server.ts';
import { ensureWebUi } from '../http/web-build.ts';
import { archivePage, SOURCE_PASSAGE, seedFlaggedClaim } from '../testing/response-fixtures.ts';
import { createTestAccount, TEST_PASSWORD } from '../testing/test-browser.ts';

/**
 * A writer drafts a response from a flag and submits it; a manager (another person) approves it and
 * downloads the exports; the UI switches to English. Real server, real bundle, the OS Chromium.
 */

const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
let database: TestDatabase;
let app: Api;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  database = await createTestDatabase({ kind: 'pglite' });
  const logger = createLogger({ level: 'silent' }, 'respond-e2e');
  app = await createReviewServer({
    db: database.db,
    logger,
    sessionSecret: 'e2e-session-secret-that-is-long-enough-0123456789',
    isHttps: false,
    webDir: await ensureWebUi({ logger }),
  });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchOsChromium('/usr/bin/chromium');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function logIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/flags/);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshots, `respond-${name}.png`), fullPage: true });

describe('drafting, review by another person, export', () => {
  it('writer drafts from a flag and submits; a manager approves and exports; the UI switches language', async () => {
    const writer = await createTestAccount(database, ['writer'], 'writer@e2e.claimwatch');
    const manager = await createTestAccount(database, ['manager'], 'manager@e2e.claimwatch');
    await database.db
      .updateTable('users')
      .set({ display_name: 'Lan (writer)' })
      .where('id', '=', writer.id)
      .execute();
    await database.db
      .updateTable('users')
      .set({ display_name: 'Minh (manager)' })
      .where('id', '=', manager.id)
      .execute();
    const { flag, claimText, sourceUrl } = await seedFlaggedClaim(database.db);

    // The writer, in Vietnamese (the default).
    const writerContext = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const writerPage = await writerContext.newPage();
    const dialogs: string[] = [];
    writerPage.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await logIn(writerPage, 'writer@e2e.claimwatch');
    await writerPage.goto(`${baseUrl}/responses/new?flag=${flag.id}`);
    await writerPage.getByTestId('flag-choice').first().waitFor();
    expect(await writerPage.locator('input[type="checkbox"]:checked').count()).toBe(1);
    await writerPage.selectOption('select[name="template"]', 'official_statement');
    await shot(writerPage, 'new');
    await writerPage.getByRole('button', { name: 'Tạo bản nháp' }).click();

    await writerPage.waitForURL(/\/responses\/[0-9a-f-]{36}$/);
    const responseUrl = writerPage.url();
    const textVi = writerPage.locator('textarea[name="textVi"]');
    await textVi.waitFor();
    expect(await textVi.inputValue()).toContain(claimText);
    expect(await writerPage.locator('textarea[name="textEn"]').inputValue()).toContain(sourceUrl);
    await expect.poll(() => writerPage.getByTestId('response-status').textContent()).toBe('Bản nháp');

    // Quote the archived source, then save: version 2, and the citation check passes.
    await writerPage.fill('input[name="quote-1"]', SOURCE_PASSAGE);
    await writerPage.fill('textarea[name="textVi"]', `${await textVi.inputValue()}\nTrân trọng.`);
    await writerPage.getByRole('button', { name: 'Lưu' }).click();
    await writerPage.getByTestId('alignment-warning').waitFor();
    await writerPage.getByText('Kiểm tra trích dẫn: đạt.').waitFor();
    // Both sides edited in one save: the texts are aligned again.
    await writerPage.fill('textarea[name="textVi"]', `${await textVi.inputValue()} Xin cảm ơn.`);
    await writerPage.fill(
      'textarea[name="textEn"]',
      `${await writerPage.locator('textarea[name="textEn"]').inputValue()}\nRegards.`,
    );
    await writerPage.getByRole('button', { name: 'Lưu' }).click();
    await writerPage.getByTestId('alignment-warning').waitFor({ state: 'detached' });
    // The version list refetches after the detail arrives: wait for it rather than race it.
    await expect.poll(() => writerPage.getByTestId('versions').locator('li').count()).toBe(3);
    await shot(writerPage, 'draft');

    await writerPage.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect.poll(() => writerPage.getByTestId('response-status').textContent()).toBe('Chờ duyệt');
    expect(await writerPage.getByRole('button', { name: 'Duyệt' }).count()).toBe(0);

    // A different person, a manager, approves.
    const managerContext = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const managerPage = await managerContext.newPage();
    await logIn(managerPage, 'manager@e2e.claimwatch');
    await managerPage.goto(responseUrl);
    await managerPage.getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => managerPage.getByTestId('response-status').textContent()).toBe('Đã duyệt');
    await shot(managerPage, 'approved');

    const [markdown] = await Promise.all([
      managerPage.waitForEvent('download'),
      managerPage.getByTestId('export-md-vi').click(),
    ]);
    expect(markdown.suggestedFilename()).toMatch(/^response-[0-9a-f]{8}-v3-vi\.md$/);
    const md = readFileSync((await markdown.path())!, 'utf8');
    expect(md).toContain('# Sai sự thật');
    expect(md).toContain(`<${sourceUrl}>`);

    const [jsonld] = await Promise.all([
      managerPage.waitForEvent('download'),
      managerPage.getByTestId('export-jsonld-en').click(),
    ]);
    const review = JSON.parse(readFileSync((await jsonld.path())!, 'utf8'));
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: claimText,
      reviewRating: { ratingValue: 1, alternateName: 'False' },
    });

    // Language switch: the same screen in English.
    await managerPage.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => managerPage.getByTestId('response-status').textContent()).toBe('Approved');
    await managerPage.getByRole('heading', { name: 'Version history' }).waitFor();
    await shot(managerPage, 'approved-en');

    await managerPage.goto(`${baseUrl}/audit?entityType=response`);
    await managerPage.getByTestId('audit-row').first().waitFor();
    expect(await managerPage.getByTestId('audit-row').count()).toBe(5);
    await shot(managerPage, 'audit');

    expect(dialogs).toEqual([]);
    await writerContext.close();
    await managerContext.close();
  });

  it('a writer adds, removes and reorders citations; the check follows the positions; approved is read-only', async () => {
    await createTestAccount(database, ['writer'], 'writer2@e2e.claimwatch');
    await createTestAccount(database, ['manager'], 'manager2@e2e.claimwatch');
    const { flag, factId, sourceUrl } = await seedFlaggedClaim(database.db);
    const asean = `vn-asean-${Date.now().toString(36)}`;
    const newsUrl = `https://news-${asean}.example/asean.html`;
    const unarchivedUrl = `https://nowhere-${asean}.example/x.html`;
    await buildVerifiedFact(database.db, {
      id: asean,
      kind: 'membership',
      structured: { organisation: 'ASEAN', date: '1995-07-28' },
      text: { vi: 'Việt Nam gia nhập ASEAN ngày 28/7/1995.', en: 'Vietnam joined ASEAN on 28 July 1995.' },
      sources: [{ url: newsUrl, title: 'ASEAN' }],
    });
    await archivePage(
      database.db,
      newsUrl,
      '<p>Ngày 28/7/1995, Việt Nam trở thành thành viên thứ bảy của ASEAN.</p>',
    );

    const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await logIn(page, 'writer2@e2e.claimwatch');
    await page.goto(`${baseUrl}/responses/new?flag=${flag.id}`);
    await page.getByTestId('flag-choice').first().waitFor();
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/responses\/[0-9a-f-]{36}$/);
    const responseUrl = page.url();
    const rows = page.getByTestId('citation-row');
    const save = page.getByRole('button', { name: 'Lưu', exact: true });
    await expect.poll(() => rows.count()).toBe(2);
    /** Each row as `fact:<id>` or its URL, in the order shown. */
    const listed = async () =>
      (await rows.all()).length === 0
        ? []
        : Promise.all(
            (await rows.all()).map(async (row) =>
              (await row.getByTestId('citation-fact').count()) > 0
                ? `fact:${await row.getByTestId('citation-fact').textContent()}`
                : ((await row.getByTestId('citation-url').getAttribute('href')) ?? ''),
            ),
          );
    expect(await listed()).toEqual([`fact:${factId}`, sourceUrl]);

    // An invalid URL: the message, no new row, nothing to save; after a reload still version 1.
    const addSource = page.getByTestId('add-source');
    await page.fill('input[name="new-url"]', 'www.mofa.gov.vn/quan-he');
    await addSource.getByRole('button', { name: 'Thêm nguồn' }).click();
    await page
      .getByTestId('add-source-error')
      .getByText('Địa chỉ phải là một URL đầy đủ bắt đầu bằng http:// hoặc https://.')
      .waitFor();
    expect(await page.getAttribute('input[name="new-url"]', 'aria-invalid')).toBe('true');
    expect(await rows.count()).toBe(2);
    expect(await save.isDisabled()).toBe(true);
    await shot(page, 'citations-invalid-url');
    await page.reload();
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => page.getByTestId('versions').locator('li').count()).toBe(1);

    // Add two sources (Enter in the form adds too) and a fact found by searching.
    await page.fill('input[name="new-url"]', newsUrl);
    await page.fill('input[name="new-title"]', 'Báo: Việt Nam gia nhập ASEAN');
    await page.fill('input[name="new-quote"]', 'Việt Nam trở thành thành viên thứ bảy của ASEAN');
    await addSource.getByRole('button', { name: 'Thêm nguồn' }).click();
    await page.fill('input[name="new-url"]', unarchivedUrl);
    await page.press('input[name="new-url"]', 'Enter');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await page.inputValue('input[name="new-url"]')).toBe('');
    await page.fill('input[name="fact-search"]', 'gia nhập asean');
    const option = page.locator(`select[name="fact"] option[value="${asean}"]`);
    // The search narrows the list (the other facts of this database do not mention ASEAN).
    await expect.poll(() => page.locator('select[name="fact"] option').count()).toBe(1);
    await option.waitFor();
    await page.selectOption('select[name="fact"]', asean);
    await page.getByTestId('add-fact').getByRole('button', { name: 'Thêm dữ kiện' }).click();
    expect(await listed()).toEqual([`fact:${factId}`, sourceUrl, newsUrl, unarchivedUrl, `fact:${asean}`]);
    // Already cited: offered no more.
    expect(await option.isDisabled()).toBe(true);

    // Remove the prefilled fact; move the new fact to the top with the keyboard (focus stays on its button).
    await rows.nth(0).getByRole('button', { name: 'Bỏ' }).click();
    await rows.nth(3).getByRole('button', { name: 'Lên' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    // …and the unarchived source one place down, with the mouse.
    await rows.nth(3).getByRole('button', { name: 'Lên' }).click();
    expect(await listed()).toEqual([`fact:${asean}`, sourceUrl, unarchivedUrl, newsUrl]);
    expect(await rows.nth(0).getByRole('button', { name: 'Lên' }).isDisabled()).toBe(true);
    expect(await rows.nth(3).getByRole('button', { name: 'Xuống' }).isDisabled()).toBe(true);
    await page.getByText('Danh sách trích dẫn có thay đổi chưa lưu').waitFor();
    await shot(page, 'citations-edited');

    // Save: version 2; the check runs again and its problem sits on the unarchived source, #3.
    await save.click();
    await expect.poll(() => page.getByTestId('versions').locator('li').count()).toBe(2);
    await page
      .getByTestId('citation-check')
      .getByText('#3: Chưa có bản lưu trữ của trang nguồn này.')
      .waitFor();
    expect(await rows.nth(2).getByTestId('citation-problem').textContent()).toBe(
      'Chưa có bản lưu trữ của trang nguồn này.',
    );
    expect(await page.getByTestId('citation-problem').count()).toBe(1);
    await shot(page, 'citations-saved');

    // Persisted: a reload shows the same list, quote and problem.
    await page.reload();
    await expect.poll(() => rows.count()).toBe(4);
    expect(await listed()).toEqual([`fact:${asean}`, sourceUrl, unarchivedUrl, newsUrl]);
    expect(await page.inputValue('input[name="quote-3"]')).toBe(
      'Việt Nam trở thành thành viên thứ bảy của ASEAN',
    );
    // A cited fact shows its text (in the UI's language), not only its id.
    expect(await rows.nth(0).textContent()).toContain('Việt Nam gia nhập ASEAN ngày 28/7/1995.');
    await rows.nth(2).getByTestId('citation-problem').waitFor();

    // Drop the unarchived source: the check passes; submit; another person approves.
    await rows.nth(2).getByRole('button', { name: 'Bỏ' }).click();
    await save.click();
    await page.getByText('Kiểm tra trích dẫn: đạt.').waitFor();
    await expect.poll(() => page.getByTestId('versions').locator('li').count()).toBe(3);
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect.poll(() => page.getByTestId('response-status').textContent()).toBe('Chờ duyệt');

    const managerContext = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const managerPage = await managerContext.newPage();
    await logIn(managerPage, 'manager2@e2e.claimwatch');
    await managerPage.goto(responseUrl);
    await managerPage.getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => managerPage.getByTestId('response-status').textContent()).toBe('Đã duyệt');
    // The export lists the citations in the saved order.
    const [markdown] = await Promise.all([
      managerPage.waitForEvent('download'),
      managerPage.getByTestId('export-md-vi').click(),
    ]);
    const md = readFileSync((await markdown.path())!, 'utf8');
    const sources = md
      .slice(md.indexOf('## Nguồn trích dẫn'))
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(sources).toHaveLength(3);
    expect(sources[0]).toBe(`- Dữ kiện đã xác minh: ${asean}`);
    expect(sources[1]).toContain(`<${sourceUrl}>`);
    expect(sources[2]).toContain(`<${newsUrl}>`);
    expect(sources[2]).toContain('“Việt Nam trở thành thành viên thứ bảy của ASEAN”');
    await managerContext.close();

    // Approved: the writer sees the list, but no add, remove or move controls.
    await page.reload();
    await expect.poll(() => page.getByTestId('response-status').textContent()).toBe('Đã duyệt');
    await expect.poll(() => rows.count()).toBe(3);
    for (const name of ['Lên', 'Xuống', 'Bỏ', 'Thêm nguồn', 'Thêm dữ kiện'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await page.getByTestId('add-source').count()).toBe(0);
    expect(await page.getByTestId('add-fact').count()).toBe(0);
    await shot(page, 'citations-approved');

    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('a save the server refuses (a vanished fact, a stale version) says why and keeps the edit', async () => {
    await createTestAccount(database, ['writer'], 'writer3@e2e.claimwatch');
    const { flag } = await seedFlaggedClaim(database.db);
    const doomed = `vn-doomed-${Date.now().toString(36)}`;
    await buildVerifiedFact(database.db, {
      id: doomed,
      text: { vi: 'Dữ kiện sắp bị xoá.', en: 'A fact about to be deleted.' },
      sources: [{ url: 'https://doomed.example/', title: 'Doomed' }],
    });
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await logIn(page, 'writer3@e2e.claimwatch');
    await page.goto(`${baseUrl}/responses/new?flag=${flag.id}`);
    await page.getByTestId('flag-choice').first().waitFor();
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/responses\/[0-9a-f-]{36}$/);
    const responseId = page.url().split('/').pop()!;
    const rows = page.getByTestId('citation-row');
    await expect.poll(() => rows.count()).toBe(2);

    await page.fill('input[name="fact-search"]', 'sắp bị xoá');
    await expect.poll(() => page.locator('select[name="fact"] option').count()).toBe(1);
    await page.selectOption('select[name="fact"]', doomed);
    await page.getByTestId('add-fact').getByRole('button', { name: 'Thêm dữ kiện' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    // The fact disappears before the save (it was never cited, so it may be deleted).
    await database.db.deleteFrom('verified_facts').where('id', '=', doomed).execute();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByTestId('action-error').getByText('Chưa lưu: máy chủ từ chối dữ liệu.').waitFor();
    expect(await page.getByTestId('action-error').textContent()).toContain(doomed);
    expect(await rows.count()).toBe(3);

    // Someone else saved meanwhile: the 409 asks for a reload; the edit stays on screen.
    await rows.nth(2).getByRole('button', { name: 'Bỏ' }).click();
    await rows.nth(1).getByRole('button', { name: 'Lên' }).click();
    await database.db
      .updateTable('responses')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', responseId)
      .execute();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByTestId('action-error').getByText('Hãy tải lại trang', { exact: false }).waitFor();
    expect(await rows.count()).toBe(2);
    await shot(page, 'citations-refused');
    const saved = await database.db
      .selectFrom('response_citations')
      .select('kind')
      .where('response_id', '=', responseId)
      .orderBy('position')
      .execute();
    expect(saved.map((c) => c.kind)).toEqual(['verified_fact', 'source']);
    await context.close();

    // A monitor reads the same draft: the list, but nothing to add, remove, move or type into.
    await createTestAccount(database, ['monitor'], 'monitor3@e2e.claimwatch');
    const monitorContext = await browser.newContext({ locale: 'vi-VN' });
    const monitorPage = await monitorContext.newPage();
    await logIn(monitorPage, 'monitor3@e2e.claimwatch');
    await monitorPage.goto(`${baseUrl}/responses/${responseId}`);
    await expect.poll(() => monitorPage.getByTestId('citation-row').count()).toBe(2);
    for (const name of ['Lên', 'Xuống', 'Bỏ', 'Thêm nguồn', 'Thêm dữ kiện', 'Lưu'])
      expect(await monitorPage.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await monitorPage.getAttribute('input[name="quote-1"]', 'readonly')).not.toBeNull();
    await monitorContext.close();
  });

  it('an admin turns on TOTP on the account page, and signing in then asks for the code', async () => {
    await createTestAccount(database, ['admin', 'manager'], 'admin@e2e.claimwatch');
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await logIn(page, 'admin@e2e.claimwatch');

    await page.goto(`${baseUrl}/users`);
    await page.getByTestId('user-row').first().waitFor();
    expect(await page.getByTestId('user-row').filter({ hasText: 'admin@e2e.claimwatch' }).count()).toBe(1);
    await shot(page, 'users');

    await page.goto(`${baseUrl}/account`);
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.locator('img[src^="data:image/svg+xml"]').count()).toBe(1);
    await shot(page, 'totp-enrol');
    await page.fill('input[name="totp"]', totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đang bật: mỗi lần đăng nhập cần mã từ ứng dụng xác thực.').waitFor();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/login/);
    await page.fill('input[name="email"]', 'admin@e2e.claimwatch');
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await page.click('button[type="submit"]');
    await page.locator('input[name="totp"]').waitFor();
    await shot(page, 'login-totp');
    // The next time step: the enrolment code's step cannot be used again.
    await page.fill('input[name="totp"]', totpCode(secret, new Date(Date.now() + 30_000)));
    await page.click('button[type="submit"]');
    // Signed in: back to the screen the sign-out left (the account page) or the flag list, depending on
    // whether the shell noticed the sign-out before the login page opened.
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await context.close();
  });
});
