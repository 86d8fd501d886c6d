import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';
import type { DigestData, StoredDigestView } from './digest.types.ts';
import { buildDigestWeek, type DigestFixture, FIXTURE_WEEK } from './digest-fixture.ts';
import { flagsLink, shadowLinks } from './digest-links.ts';

let server: TestServer;
let manager: TestBrowser;
let monitor: TestBrowser;
let fixture: DigestFixture;

beforeAll(async () => {
  // The server's clock: Monday 2026-11-23, 08:00 in Hanoi, the morning after week 47 ended.
  server = await startTestServer({ now: () => new Date('2026-11-23T01:00:00Z') });
  fixture = await buildDigestWeek(server.database.db);
  const boss = await createTestAccount(server.database, ['manager']);
  const mon = await createTestAccount(server.database, ['monitor']);
  manager = new TestBrowser(server.app);
  monitor = new TestBrowser(server.app);
  expect((await manager.logIn(boss.email)).status).toBe(200);
  expect((await monitor.logIn(mon.email)).status).toBe(200);
});
afterAll(async () => server?.close());

describe('the digest API', () => {
  it('lets a manager build a past week on demand, then read and export it', async () => {
    expect((await manager.request('GET', `/api/digests/${FIXTURE_WEEK}`)).status).toBe(404);
    const built = await manager.request('POST', `/api/digests/${FIXTURE_WEEK}/build`);
    expect(built.status).toBe(200);
    const view = built.json<StoredDigestView>();
    expect(view.data.team.triaged).toBe(5);

    const list = (await manager.request('GET', '/api/digests')).json<{
      lastCompleteWeek: string;
      items: { week: string }[];
    }>();
    expect(list.lastCompleteWeek).toBe('2026-W47');
    expect(list.items.map((i) => i.week)).toEqual([FIXTURE_WEEK]);

    const json = await manager.request('GET', `/api/digests/${FIXTURE_WEEK}/export.json`);
    expect(json.headers['content-disposition']).toContain('claimwatch-digest-2026-W47.json');
    expect(JSON.parse(json.body).data).toEqual(view.data);

    const csv = await manager.request('GET', `/api/digests/${FIXTURE_WEEK}/export.csv?locale=en`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('table,key,label,current,previous,average4,extra');
    expect(lines).toContain('volume_total,all,This period · Articles crawled,17,24,24.5,crawled');
    expect(lines).toContain('team,flags,Triaged,5,2,2,escalated=1');
    expect(lines.filter((l) => l.startsWith('volume_daily,'))).toHaveLength(7);
  });

  it('refuses monitors the weekly digest but shows them the live overview and source health', async () => {
    expect((await monitor.request('GET', `/api/digests/${FIXTURE_WEEK}`)).status).toBe(403);
    expect((await monitor.request('POST', `/api/digests/${FIXTURE_WEEK}/build`)).status).toBe(403);
    const live = await monitor.request('GET', '/api/digest/live?range=week');
    expect(live.status).toBe(200);
    // This week (48) has only just begun: nothing yet, compared with week 47.
    const data = live.json<DigestData>();
    expect(data.label).toBe('2026-W48');
    expect(data.volume.totals.crawled).toMatchObject({ current: 0, previous: 17 });
    const health = (await monitor.request('GET', '/api/digest/sources')).json<{
      items: { name: string; itemsPerDay: unknown[]; failureReasons: { code: string }[]; state: string }[];
    }>();
    const beta = health.items.find((s) => s.name === 'Beta News')!;
    expect(beta.itemsPerDay).toHaveLength(28);
    expect(beta.failureReasons.map((r) => r.code)).toEqual(['fetch_timeout']);
  });

  it('answers the links behind the numbers: the flag list by period (raised or decided), source and model', async () => {
    const built = (await manager.request('GET', `/api/digests/${FIXTURE_WEEK}`)).json<StoredDigestView>();
    const { periodStart: from, periodEnd: to } = built.data;
    const ids = async (link: string) =>
      (await manager.request('GET', `/api${link.replace('status=all&', '')}`))
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id)
        .sort();
    const f = fixture.flags;
    expect(await ids(flagsLink({ status: 'dismissed', from, to, on: 'decided' }))).toEqual(
      [f.f3.id, f.f4.id].sort(),
    );
    // Raised in the week: the six, not week 45's flag 0.
    expect(await ids(flagsLink({ from, to }))).toHaveLength(6);
    expect(await ids(flagsLink({ source: fixture.beta.id, from, to }))).toEqual(
      [f.f4.id, f.f5.id, f.f6.id].sort(),
    );
    expect(
      await ids(flagsLink({ status: 'confirmed', lang: 'vi', model: 'matcher@2', from, to, on: 'decided' })),
    ).toEqual([f.f1.id, f.f2.id].sort());
    expect(
      await ids(flagsLink({ status: 'confirmed', model: 'matcher@9', from, to, on: 'decided' })),
    ).toEqual([]);
    // The shadow comparison's lists: every count of its rows is the length of the list behind it.
    const [shadowEn, shadowVi] = built.data.shadow!;
    for (const row of [shadowEn!, shadowVi!]) {
      const links = shadowLinks(row, from, to);
      expect((await ids(links.confirmed)).length).toBe(row.confirmed);
      expect((await ids(links.dismissed)).length).toBe(row.dismissed);
      expect((await ids(links.wouldFlagConfirmed)).length).toBe(row.wouldFlagConfirmed);
      expect((await ids(links.wouldFlagDismissed)).length).toBe(row.wouldFlagDismissed);
    }
    expect(await ids(shadowLinks(shadowVi!, from, to).wouldFlagConfirmed)).toEqual([f.f1.id]);
    expect(await ids(shadowLinks(shadowEn!, from, to).wouldFlagDismissed)).toEqual([f.f4.id]);
    const vi = { lang: 'vi', shadow: 'shadow-cw@r2', from, to, on: 'decided' as const };
    expect(await ids(flagsLink({ ...vi, status: 'confirmed', shadowFlag: 'no' }))).toEqual([f.f2.id]);
    expect(await ids(flagsLink({ ...vi, shadow: 'shadow-cw@r9', status: 'confirmed' }))).toEqual([]);
  });

  it('refuses weeks that are malformed or have not begun', async () => {
    expect((await manager.request('POST', '/api/digests/2026-W99/build')).status).toBe(400);
    expect((await manager.request('POST', '/api/digests/2027-W10/build')).status).toBe(400);
  });
});
