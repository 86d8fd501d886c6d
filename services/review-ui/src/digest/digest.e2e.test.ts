import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@claimwatch/shared/config';
import { type Database, migrateToLatest, openPglite } from '@claimwatch/shared/db';
import { createLogger } from '@claimwatch/shared/logging';
import { buildFlag } from '@claimwatch/shared/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserAccount } from '../auth/user-accounts.ts';
import type { Api } from '../http/api-types.ts';
import { createReviewServer } from '../http/create-server.ts';
import { buildWebUi } from '../http/web-build.ts';
import { TEST_PASSWORD } from '../testing/test-browser.ts';
import { buildDigestWeek, FIXTURE_TZ, FIXTURE_WEEK } from './digest-fixture.ts';
import { launchOsChromium } from './digest-pdf.ts';

// The real UI bundle and server on an embedded database holding the known week; the OS Chromium drives it.
const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
let work: string;
let database: Database;
let app: Api;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  work = mkdtempSync(path.join(tmpdir(), 'cw-digest-e2e-'));
  const webDir = await buildWebUi({ outDir: path.join(work, 'web-dist') });
  database = await openPglite({});
  await migrateToLatest(database.db);
  await buildDigestWeek(database.db);
  await createUserAccount(database.db, {
    email: 'manager@claimwatch.test',
    displayName: 'Manager',
    password: TEST_PASSWORD,
    roles: ['manager'],
  });
  app = await createReviewServer({
    db: database.db,
    logger: createLogger({ level: 'silent' }, 'digest-e2e'),
    sessionSecret: 'e2e-session-secret-that-is-long-enough-0123456789',
    isHttps: false,
    webDir,
    now: () => new Date('2026-11-23T01:00:00Z'),
    digest: {
      timezone: FIXTURE_TZ,
      slaTriageHours: 24,
      slaResponseHours: 72,
      chromiumPath: '/usr/bin/chromium',
    },
  });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchOsChromium('/usr/bin/chromium');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  rmSync(work, { recursive: true, force: true });
});

async function logIn(page: Page) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', 'manager@claimwatch.test');
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/flags/);
}

describe('the weekly digest in the browser', () => {
  it('is built on demand, read in Vietnamese and English, and leads to the list behind a number', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await logIn(page);

    await page.goto(`${baseUrl}/digest/${FIXTURE_WEEK}`);
    await expect.poll(() => page.getByText('Chưa có bản tin cho tuần này.').count()).toBe(1);
    await page.getByTestId('digest-build').click();
    await page.getByTestId('digest-confirmed').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Bản tin tuần 2026-W47');
    expect(await page.getByTestId('digest-triaged').textContent()).toBe('5');
    expect(await page.getByTestId('digest-dismissed').textContent()).toBe('2');
    expect(await page.getByTestId('digest-claims-resurfacing').textContent()).toBe('2');
    expect(await page.getByTestId('digest-silent').textContent()).toBe('1');
    // The charts drew (uPlot canvases), with no CSP complaint.
    expect(await page.locator('[data-testid="chart-volume"] canvas').count()).toBe(1);
    // Model accountability's shadow part.
    expect(await page.getByText('So sánh với mô hình chạy ngầm (shadow)').count()).toBe(1);
    expect(await page.getByTestId('digest-shadow-shadow-cw@r2:vi').locator('td').allTextContents()).toEqual([
      'shadow-cw@r2',
      'Tiếng Việt',
      '2',
      '1',
      '1',
      '0',
      '100%',
      '20,7% – 100%',
      '66,7%',
      '20,8% – 93,9%',
      '1',
    ]);
    await page.screenshot({ path: path.join(screenshots, 'digest-vi.png'), fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Weekly digest 2026-W47');
    expect(await page.getByText('Model accountability').count()).toBe(1);
    expect(await page.getByText('Shadow model comparison').count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'digest-en.png'), fullPage: true });

    // A flag dismissed the week before must not appear behind this week's number.
    const older = await buildFlag(database.db, { models: [{ id: 'matcher', revision: '2' }] });
    await database.db
      .updateTable('flags')
      .set({
        status: 'dismissed',
        dismiss_reason: 'other',
        created_at: new Date('2026-11-10T01:00:00Z'),
        decided_at: new Date('2026-11-10T02:00:00Z'),
      })
      .where('id', '=', older.id)
      .execute();

    // Follow "dismissed: 2" to the flag list filtered behind it.
    await page.getByTestId('digest-dismissed').click();
    await page.waitForURL(/\/flags\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('dismissed');
    expect(url.searchParams.get('from')).toBe('2026-11-15T17:00:00.000Z');
    expect(url.searchParams.get('to')).toBe('2026-11-22T17:00:00.000Z');
    await page.getByTestId('flag-row').first().waitFor();
    await page.getByTestId('digest-filter-note').waitFor();
    expect(await page.getByTestId('flag-row').count()).toBe(2);
    await page.screenshot({ path: path.join(screenshots, 'digest-followed-list.png'), fullPage: true });

    // Follow the shadow model's "would flag, confirmed" (Vietnamese): the one confirmed flag it would raise.
    await page.goto(`${baseUrl}/digest/${FIXTURE_WEEK}`);
    await page.getByTestId('digest-shadow-would-confirmed-shadow-cw@r2:vi').click();
    await page.waitForURL(/shadowFlag=yes/);
    const shadowUrl = new URL(page.url());
    expect(shadowUrl.searchParams.get('shadow')).toBe('shadow-cw@r2');
    expect(shadowUrl.searchParams.get('status')).toBe('confirmed');
    await page.getByTestId('flag-row').first().waitFor();
    await expect.poll(() => page.getByTestId('digest-filter-note').textContent()).toContain('shadow-cw@r2');
    expect(await page.getByTestId('flag-row').count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'digest-shadow-list.png'), fullPage: true });
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('downloads the PDF and the CSV', async () => {
    const context = await browser.newContext({ locale: 'en', acceptDownloads: true });
    const page = await context.newPage();
    await logIn(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${baseUrl}/digest/${FIXTURE_WEEK}`);
    await page.getByTestId('download-pdf').waitFor();

    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-pdf').click(),
    ]);
    const pdfPath = path.join(repoRoot, 'test-results', 'digest-2026-W47-en.pdf');
    await pdfDownload.saveAs(pdfPath);
    const pdf = readFileSync(pdfPath).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(pdfDownload.suggestedFilename()).toBe('claimwatch-digest-2026-W47-en.pdf');

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    const csvPath = path.join(work, 'digest.csv');
    await csvDownload.saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('table,key,label,current,previous,average4,extra');
    expect(lines).toContain('volume_total,all,This period · Articles crawled,17,24,24.5,crawled');
    expect(lines).toContain('claims,all,Flagged claims,6,4,2,total/new/resurfacing');
    expect(lines.filter((l) => l.startsWith('volume_daily,'))).toHaveLength(7);
    expect(lines.filter((l) => l.startsWith('models,'))).toEqual([
      'models,matcher@2:en,matcher 2 en,0,1,0,0-0.7935',
      'models,matcher@2:vi,matcher 2 vi,2,1,0.6667,0.2077-0.9385',
    ]);
    expect(lines.filter((l) => l.startsWith('shadow,'))).toHaveLength(2);

    await page.goto(`${baseUrl}/overview?range=week`);
    await page.getByTestId('digest-volume').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'digest-overview.png'), fullPage: true });
    await page.goto(`${baseUrl}/sources/health`);
    await page.getByTestId('source-health').waitFor();
    expect(await page.locator('[data-testid="source-health"] tbody tr').count()).toBe(2);
    await page.screenshot({ path: path.join(screenshots, 'digest-source-health.png'), fullPage: true });
    await context.close();
  });
});
