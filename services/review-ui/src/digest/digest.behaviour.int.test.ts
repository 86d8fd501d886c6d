import { createTestDatabase, type TestDatabase } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeeklyDigest } from './build-digest.ts';
import type { StoredDigestView } from './digest.types.ts';
import { renderDigestCsv } from './digest-csv.ts';
import { buildDigestWeek, type DigestFixture, FIXTURE_TZ, FIXTURE_WEEK, vnTime } from './digest-fixture.ts';
import { renderDigestHtml } from './digest-html.ts';

const settings = { timezone: FIXTURE_TZ, slaTriageHours: 24, slaResponseHours: 72 };
let database: TestDatabase;
let fixture: DigestFixture;
let built: StoredDigestView;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await buildDigestWeek(database.db);
  built = await buildWeeklyDigest(database.db, FIXTURE_WEEK, settings, new Date('2026-11-23T01:00:00Z'));
});
afterAll(async () => database?.close());

describe('the weekly digest of a known week', () => {
  it('covers Monday 00:00 to Monday 00:00 in Asia/Ho_Chi_Minh', () => {
    expect(built.data.periodStart).toBe('2026-11-15T17:00:00.000Z');
    expect(built.data.periodEnd).toBe('2026-11-22T17:00:00.000Z');
    expect(built.data.volume.daily.map((d) => d.day)).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
  });

  it('counts volume by language and source against the previous week and the 4-week average', () => {
    const { totals, byLanguage, bySource, daily } = built.data.volume;
    expect(totals.crawled).toEqual({ current: 17, previous: 24, average4: 24.5 });
    // Relevant: the documents with a classification (the flagged ones; flag 0's in week 45).
    expect(totals.relevant).toEqual({ current: 6, previous: 0, average4: 0.25 });
    expect(totals.flagged).toEqual({ current: 6, previous: 0, average4: 0.25 });
    expect(byLanguage.map((l) => [l.lang, l.crawled.current, l.crawled.previous, l.flagged.current])).toEqual(
      [
        ['vi', 10, 14, 3],
        ['en', 7, 10, 3],
      ],
    );
    const beta = bySource.find((s) => s.sourceId === fixture.beta.id)!;
    expect(beta.name).toBe('Beta News');
    expect(beta.crawled).toEqual({ current: 7, previous: 10, average4: 10.5 });
    expect(daily.map((d) => d.crawled)).toEqual([3, 3, 3, 3, 3, 1, 1]);
    expect(daily.map((d) => d.flagged)).toEqual([2, 2, 1, 0, 0, 1, 0]);
  });

  it('lists narratives and facts with spread and first appearance, and tells new from resurfacing claims', () => {
    const { references, claims, resurfacing } = built.data.narratives;
    expect(references).toEqual([
      {
        kind: 'known_narrative',
        id: 'n-one',
        titleVi: 'Câu chuyện sai lệch một',
        titleEn: 'False narrative one',
        flags: 2,
        outlets: 2,
        languages: ['en', 'vi'],
        firstAppearance: vnTime('2026-11-02', 6).toISOString(),
        newThisPeriod: false,
      },
      {
        kind: 'verified_fact',
        id: 'f-one',
        titleVi: 'Sự thật đã kiểm chứng một',
        titleEn: 'Verified fact one',
        flags: 1,
        outlets: 1,
        languages: ['en'],
        firstAppearance: vnTime('2026-11-17', 7).toISOString(),
        newThisPeriod: true,
      },
    ]);
    expect(claims).toEqual({ total: 6, new: 4, resurfacing: 2 });
    expect(resurfacing.map((r) => r.flagId).sort()).toEqual(
      [fixture.flags.f1.id, fixture.flags.f2.id].sort(),
    );
    expect(resurfacing[0]!.answeredBy).toEqual([fixture.responses.response0]);
  });

  it('reports the team: decisions, responses, p50/p90 against the SLA, breaches', () => {
    const { team } = built.data;
    expect([team.triaged, team.confirmed, team.dismissed, team.escalated]).toEqual([5, 2, 2, 1]);
    expect(team.responses).toEqual({ drafted: 2, approved: 1, published: 1 });
    // Time to triage: 1, 2, 4, 10, 30 hours (nearest rank).
    expect(team.timeToTriage).toMatchObject({
      count: 5,
      p50Hours: 4,
      p90Hours: 30,
      slaHours: 24,
      withinSla: 4,
    });
    expect(team.timeToTriage.histogram.map((b) => b.count)).toEqual([3, 1, 0, 1, 0]);
    // Response 1 was published 27 hours after its flag was raised.
    expect(team.timeToResponse).toMatchObject({ count: 1, p50Hours: 27, p90Hours: 27, withinSla: 1 });
    expect(team.breaches).toEqual([
      { kind: 'triage_open', id: fixture.flags.f6.id, hours: 47 },
      { kind: 'triage', id: fixture.flags.f3.id, hours: 30 },
    ]);
  });

  it('measures precision per model version and language from decisions, with a Wilson interval', () => {
    expect(built.data.models).toEqual([
      {
        modelId: 'matcher',
        revision: '2',
        lang: 'en',
        confirmed: 0,
        dismissed: 1,
        escalated: 1,
        precision: 0,
        interval: { low: 0, high: 0.7935 },
      },
      {
        modelId: 'matcher',
        revision: '2',
        lang: 'vi',
        confirmed: 2,
        dismissed: 1,
        escalated: 0,
        precision: 0.6667,
        interval: { low: 0.2077, high: 0.9385 },
      },
    ]);
    expect(built.data.dismissReasons).toEqual([
      { modelId: 'matcher', revision: '2', reason: 'claim_is_true', count: 1 },
      { modelId: 'matcher', revision: '2', reason: 'not_relevant', count: 1 },
    ]);
  });

  it('compares the shadow model with what people decided about the active flags, and counts what it alone would flag', () => {
    expect(built.data.shadow).toEqual([
      {
        modelId: 'shadow-cw',
        revision: 'r2',
        lang: 'en',
        // f4 dismissed, f5 escalated (f6 is undecided): the shadow would flag both.
        confirmed: 0,
        dismissed: 1,
        escalated: 1,
        wouldFlagConfirmed: 0,
        wouldFlagDismissed: 1,
        precision: 0,
        interval: { low: 0, high: 0.7935 },
        activePrecision: 0,
        activeInterval: { low: 0, high: 0.7935 },
        // The unflagged English claim scored 0.4 < 0.6.
        wouldFlagUnflagged: 0,
      },
      {
        modelId: 'shadow-cw',
        revision: 'r2',
        lang: 'vi',
        // f1, f2 confirmed, f3 dismissed: the shadow would flag f1 only.
        confirmed: 2,
        dismissed: 1,
        escalated: 0,
        wouldFlagConfirmed: 1,
        wouldFlagDismissed: 0,
        precision: 1,
        interval: { low: 0.2065, high: 1 },
        activePrecision: 0.6667,
        activeInterval: { low: 0.2077, high: 0.9385 },
        // One unflagged claim scored in the week it would flag; the one scored the week before is not counted.
        wouldFlagUnflagged: 1,
      },
    ]);
  });

  it('renders the shadow comparison in Vietnamese and English, its numbers linked to the lists behind them', () => {
    const base = 'https://cw.test';
    const vi = renderDigestHtml(built.data, 'vi', base);
    const en = renderDigestHtml(built.data, 'en', base);
    expect(vi).toContain('<h3>So sánh với mô hình chạy ngầm (shadow)</h3>');
    expect(vi).toContain('<th>Sẽ gắn cờ, mô hình đang chạy không gắn</th>');
    expect(en).toContain('<h3>Shadow model comparison</h3>');
    expect(en).toContain('<th>Precision (active)</th>');
    const from = encodeURIComponent(built.data.periodStart);
    const to = encodeURIComponent(built.data.periodEnd);
    // Would flag among confirmed (vi): 1, linked to the confirmed flags the shadow would flag.
    expect(en).toContain(
      `<a href="${base}/flags?status=confirmed&amp;lang=vi&amp;shadow=shadow-cw%40r2&amp;shadowFlag=yes&amp;from=${from}&amp;to=${to}&amp;on=decided">1</a>`,
    );
    expect(en).toContain('<td class="n">100%</td><td>20.7% – 100%</td><td class="n">66.7%</td>');
    // The unflagged count is shown without a link.
    expect(en).toMatch(
      /<td>20\.7% – 100%<\/td><td class="n">66\.7%<\/td><td>20\.8% – 93\.9%<\/td><td class="n">1<\/td><\/tr>/,
    );
    // Absent when no shadow model scored anything the week counts.
    const { shadow: _shadow, ...withoutShadow } = built.data;
    expect(renderDigestHtml(withoutShadow, 'en', base)).not.toContain('Shadow model comparison');
    const csv = renderDigestCsv(built.data, 'en').split('\r\n');
    expect(csv.filter((l) => l.startsWith('shadow,'))).toEqual([
      'shadow,shadow-cw@r2:en,shadow-cw r2 en,0,1,0,confirmed=0 dismissed=1 escalated=1 active_precision=0 would_flag_unflagged=0',
      'shadow,shadow-cw@r2:vi,shadow-cw r2 vi,1,0,1,confirmed=2 dismissed=1 escalated=0 active_precision=0.6667 would_flag_unflagged=1',
    ]);
  });

  it('shows coverage: a silent source, a failing one, blocks and the extraction failure rate', () => {
    const { coverage } = built.data;
    const alpha = coverage.sources.find((s) => s.sourceId === fixture.alpha.id)!;
    const beta = coverage.sources.find((s) => s.sourceId === fixture.beta.id)!;
    expect(alpha.baseline).toEqual({ mean: 2, sd: 0 });
    expect(alpha.daily.map((d) => d.band)).toEqual([
      'normal',
      'normal',
      'normal',
      'normal',
      'normal',
      'low',
      'low',
    ]);
    expect(alpha.silentDays).toBe(2);
    expect(beta.baseline).toEqual({ mean: 1.5, sd: 0.5 });
    expect(beta.silentDays).toBe(0);
    expect(alpha.failing).toBe(false);
    expect(beta.failing).toBe(true);
    expect(beta.failureReasons).toEqual([{ code: 'fetch_timeout', count: 2 }]);
    expect([coverage.silent, coverage.failing, coverage.robotsBlocks, coverage.politenessBlocks]).toEqual([
      1, 1, 1, 2,
    ]);
    expect(coverage.extraction).toEqual({ fetched: 6, failed: 1, rate: 0.1667 });
  });

  it('gives the same digest when built again, even after later decisions', async () => {
    await database.db
      .updateTable('flags')
      .set({ status: 'confirmed', decided_at: new Date('2026-11-23T03:00:00Z') })
      .where('id', '=', fixture.flags.f6.id)
      .execute();
    const again = await buildWeeklyDigest(
      database.db,
      FIXTURE_WEEK,
      settings,
      new Date('2026-11-23T05:00:00Z'),
    );
    expect(again.data).toEqual(built.data);
    expect(again.builtAt).toBe(built.builtAt);
    const rows = await database.db.selectFrom('digests').select('week').execute();
    expect(rows).toEqual([{ week: FIXTURE_WEEK }]);
  });
});
