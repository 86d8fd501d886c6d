import { countShadowOutcomes, type Db } from '@claimwatch/shared/db';
import { sql } from 'kysely';
import type { DigestData, ShadowComparison, SourceCoverage, Timing, VolumeRow } from './digest.types.ts';
import { bandOf, meanAndSd, percentile, round, wilsonInterval } from './digest-stats.ts';
import { daysOf, type Window } from './iso-week.ts';

export type DigestSettings = {
  timezone: string;
  slaTriageHours: number;
  slaResponseHours: number;
  /** A document is "relevant" when its classification's relevance reaches this. */
  relevanceThreshold?: number;
};

const DAY_MS = 86_400_000;
const BASELINE_DAYS = 28;
/** A source is failing when at least half of its (3 or more) fetches in the period failed. */
const FAILING_MIN_FETCHES = 3;
const FAILING_SHARE = 0.5;
const MAX_LISTED = 50;

type Num = number | string | bigint;
const n = (v: Num | null | undefined) => Number(v ?? 0);
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Every figure of a digest for one window (an ISO week, or today/this week so far for the live overview),
 * compared with the windows of the same length before it. Deterministic: same rows, same JSON.
 */
export async function computeDigest(
  db: Db,
  window: Window,
  kind: DigestData['kind'],
  label: string,
  settings: DigestSettings,
): Promise<DigestData> {
  const { start, end } = window;
  const length = end.getTime() - start.getTime();
  const historyStart = new Date(start.getTime() - 4 * length);
  const tz = settings.timezone;
  const threshold = settings.relevanceThreshold ?? 0.5;
  const seconds = length / 1000;

  // ---- Volume: documents and flags per period bucket (0 = this one, -1..-4 = the ones before).
  const bucket = (column: string) =>
    sql<number>`floor(extract(epoch from (${sql.ref(column)} - ${start}::timestamptz)) / ${seconds})::int`;
  const [docRows, flagRows, sources] = await Promise.all([
    sql<{ b: number; lang: string; source_id: string | null; crawled: Num; relevant: Num }>`
      select ${bucket('d.created_at')} as b, coalesce(d.lang, 'und') as lang, d.source_id,
        count(*) as crawled, count(*) filter (where c.relevance >= ${threshold}) as relevant
      from documents d left join classifications c on c.document_id = d.id
      where d.created_at >= ${historyStart} and d.created_at < ${end}
      group by 1, 2, 3`.execute(db),
    sql<{ b: number; lang: string; source_id: string | null; flagged: Num }>`
      select ${bucket('f.created_at')} as b, coalesce(d.lang, 'und') as lang, d.source_id, count(*) as flagged
      from flags f join documents d on d.id = f.document_id
      where f.created_at >= ${historyStart} and f.created_at < ${end}
      group by 1, 2, 3`.execute(db),
    db.selectFrom('sources').select(['id', 'name', 'is_enabled']).orderBy('name').orderBy('id').execute(),
  ]);
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));

  type Acc = { crawled: number[]; relevant: number[]; flagged: number[] };
  const emptyAcc = (): Acc => ({
    crawled: [0, 0, 0, 0, 0],
    relevant: [0, 0, 0, 0, 0],
    flagged: [0, 0, 0, 0, 0],
  });
  const totals = emptyAcc();
  const byLang = new Map<string, Acc>();
  const bySource = new Map<string, Acc>();
  const add = (
    key: 'crawled' | 'relevant' | 'flagged',
    b: number,
    lang: string,
    sourceId: string | null,
    v: number,
  ) => {
    const i = -b; // 0 current, 1..4 previous periods
    if (i < 0 || i > 4) return;
    for (const acc of [
      totals,
      byLang.get(lang) ?? byLang.set(lang, emptyAcc()).get(lang)!,
      bySource.get(sourceId ?? '') ?? bySource.set(sourceId ?? '', emptyAcc()).get(sourceId ?? '')!,
    ])
      acc[key][i]! += v;
  };
  for (const r of docRows.rows) {
    add('crawled', n(r.b), r.lang, r.source_id, n(r.crawled));
    add('relevant', n(r.b), r.lang, r.source_id, n(r.relevant));
  }
  for (const r of flagRows.rows) add('flagged', n(r.b), r.lang, r.source_id, n(r.flagged));
  const compare = (values: number[]) => ({
    current: values[0]!,
    previous: values[1]!,
    average4: round((values[1]! + values[2]! + values[3]! + values[4]!) / 4, 2),
  });
  const toRow = (acc: Acc): VolumeRow => ({
    crawled: compare(acc.crawled),
    relevant: compare(acc.relevant),
    flagged: compare(acc.flagged),
  });
  const byVolume = (a: VolumeRow, b: VolumeRow) =>
    b.crawled.current - a.crawled.current || b.flagged.current - a.flagged.current;

  // Daily series of the window itself (local days).
  const [dailyDocs, dailyFlags] = await Promise.all([
    sql<{ day: string; crawled: Num; relevant: Num }>`
      select ${localDay('d.created_at', tz)} as day, count(*) as crawled,
        count(*) filter (where c.relevance >= ${threshold}) as relevant
      from documents d left join classifications c on c.document_id = d.id
      where d.created_at >= ${start} and d.created_at < ${end} group by 1`.execute(db),
    sql<{ day: string; flagged: Num }>`
      select ${localDay('f.created_at', tz)} as day, count(*) as flagged from flags f
      where f.created_at >= ${start} and f.created_at < ${end} group by 1`.execute(db),
  ]);
  const days = daysOf(window, tz);
  const daily = days.map((day) => {
    const d = dailyDocs.rows.find((r) => r.day === day);
    return {
      day,
      crawled: n(d?.crawled),
      relevant: n(d?.relevant),
      flagged: n(dailyFlags.rows.find((r) => r.day === day)?.flagged),
    };
  });

  // ---- Narratives and facts the period's flags involve, with their spread (the stories' copies count).
  const references = await sql<{
    kind: 'verified_fact' | 'known_narrative';
    id: string;
    flags: Num;
    outlets: Num;
    langs: string | null;
    first_at: Date | string | null;
    title_vi: string | null;
    title_en: string | null;
  }>`
    with wf as (select f.id, f.document_id from flags f where f.created_at >= ${start} and f.created_at < ${end}),
    refs as (
      select distinct fr.reference_kind as kind, fr.reference_id as id, wf.id as flag_id, wf.document_id
      from wf join flag_references fr on fr.flag_id = wf.id),
    spread as (
      select refs.kind, refs.id, d.source_id, d.lang from refs join documents d on d.id = refs.document_id
      union
      select refs.kind, refs.id, d2.source_id, d2.lang from refs
        join cluster_appearances ca on ca.document_id = refs.document_id
        join cluster_appearances ca2 on ca2.cluster_id = ca.cluster_id
        join documents d2 on d2.id = ca2.document_id),
    agg as (
      select kind, id, count(distinct source_id) as outlets,
        string_agg(distinct coalesce(lang, 'und'), ',' order by coalesce(lang, 'und')) as langs
      from spread group by kind, id),
    counts as (select kind, id, count(distinct flag_id) as flags from refs group by kind, id),
    firsts as (
      select fr.reference_kind as kind, fr.reference_id as id,
        min(coalesce(d.published_at, d.created_at)) as first_at
      from flag_references fr join flags f on f.id = fr.flag_id join documents d on d.id = f.document_id
      where f.created_at < ${end} and (fr.reference_kind, fr.reference_id) in (select kind, id from counts)
      group by 1, 2)
    select c.kind, c.id, c.flags, coalesce(a.outlets, 0) as outlets, a.langs, fi.first_at,
      coalesce(kn.title_vi, vf.text_vi) as title_vi, coalesce(kn.title_en, vf.text_en) as title_en
    from counts c
      left join agg a on a.kind = c.kind and a.id = c.id
      left join firsts fi on fi.kind = c.kind and fi.id = c.id
      left join known_narratives kn on c.kind = 'known_narrative' and kn.id = c.id
      left join verified_facts vf on c.kind = 'verified_fact' and vf.id = c.id
    order by c.flags desc, c.kind, c.id`.execute(db);

  // New vs resurfacing: a claim resurfaces when a flag sharing one of its references was answered
  // (a response approved or published) before the period began.
  const claimKinds = await sql<{
    id: string;
    claim_text: string;
    lang: string | null;
    priority: number;
    answered_by: string | null;
  }>`
    select f.id, cl.text as claim_text, d.lang, f.priority,
      (select string_agg(distinct r.id::text, ',' order by r.id::text)
         from flag_references fr
         join flag_references fr2 on fr2.reference_kind = fr.reference_kind and fr2.reference_id = fr.reference_id
         join response_flags rf on rf.flag_id = fr2.flag_id
         join responses r on r.id = rf.response_id
        where fr.flag_id = f.id and r.status in ('approved', 'published')
          and coalesce(r.published_at, r.approved_at) < ${start}) as answered_by
    from flags f join claims cl on cl.id = f.claim_id join documents d on d.id = f.document_id
    where f.created_at >= ${start} and f.created_at < ${end}
    order by f.priority desc, f.id`.execute(db);
  const resurfacing = claimKinds.rows.filter((r) => r.answered_by);

  const [team, accountability, coverage] = await Promise.all([
    teamFigures(db, window, settings),
    modelAccountability(db, window),
    sourceCoverage(db, window, sources, days, tz),
  ]);

  return {
    version: 1,
    kind,
    label,
    timezone: tz,
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
    sla: { triageHours: settings.slaTriageHours, responseHours: settings.slaResponseHours },
    volume: {
      totals: toRow(totals),
      byLanguage: [...byLang]
        .map(([lang, acc]) => ({ lang, ...toRow(acc) }))
        .sort((a, b) => byVolume(a, b) || a.lang.localeCompare(b.lang)),
      bySource: [...bySource]
        .map(([id, acc]) => ({
          sourceId: id || null,
          name: id ? (sourceName.get(id) ?? id) : '',
          ...toRow(acc),
        }))
        .sort((a, b) => byVolume(a, b) || (a.sourceId ?? '').localeCompare(b.sourceId ?? '')),
      daily,
    },
    narratives: {
      references: references.rows.map((r) => ({
        kind: r.kind,
        id: r.id,
        titleVi: r.title_vi ?? r.id,
        titleEn: r.title_en ?? r.id,
        flags: n(r.flags),
        outlets: n(r.outlets),
        languages: r.langs ? r.langs.split(',') : [],
        firstAppearance: iso(r.first_at),
        newThisPeriod: r.first_at !== null && new Date(r.first_at).getTime() >= start.getTime(),
      })),
      claims: {
        total: claimKinds.rows.length,
        new: claimKinds.rows.length - resurfacing.length,
        resurfacing: resurfacing.length,
      },
      resurfacing: resurfacing.slice(0, MAX_LISTED).map((r) => ({
        flagId: r.id,
        claimText: r.claim_text,
        lang: r.lang,
        answeredBy: r.answered_by!.split(','),
      })),
    },
    team,
    ...accountability,
    coverage,
  };
}

/** Team: decisions, responses, and how long they took against the SLA. */
async function teamFigures(db: Db, window: Window, settings: DigestSettings): Promise<DigestData['team']> {
  const { start, end } = window;
  const [decisions, responseCounts, responseTimes, openLate] = await Promise.all([
    sql<{ id: string; status: string; hours: number }>`
      select f.id, f.status, extract(epoch from (f.decided_at - f.created_at)) / 3600.0 as hours
      from flags f where f.decided_at >= ${start} and f.decided_at < ${end} and f.status <> 'suggested'
      order by f.id`.execute(db),
    sql<{ drafted: Num; approved: Num; published: Num }>`
      select count(*) filter (where created_at >= ${start} and created_at < ${end}) as drafted,
        count(*) filter (where approved_at >= ${start} and approved_at < ${end}) as approved,
        count(*) filter (where published_at >= ${start} and published_at < ${end}) as published
      from responses`.execute(db),
    sql<{ id: string; hours: number }>`
      select r.id, extract(epoch from (r.published_at - min(f.created_at))) / 3600.0 as hours
      from responses r join response_flags rf on rf.response_id = r.id join flags f on f.id = rf.flag_id
      where r.published_at >= ${start} and r.published_at < ${end}
      group by r.id, r.published_at order by r.id`.execute(db),
    sql<{ id: string; hours: number }>`
      select f.id, extract(epoch from (${end}::timestamptz - f.created_at)) / 3600.0 as hours
      from flags f
      where f.created_at >= ${start} and f.created_at < ${end}
        and f.created_at < ${new Date(end.getTime() - settings.slaTriageHours * 3_600_000)}
        and (f.decided_at is null or f.decided_at >= ${end})
      order by f.created_at, f.id limit ${MAX_LISTED}`.execute(db),
  ]);
  const triageHours = decisions.rows.map((r) => Number(r.hours));
  const responseHours = responseTimes.rows.map((r) => Number(r.hours));
  const breaches = [
    ...decisions.rows
      .filter((r) => Number(r.hours) > settings.slaTriageHours)
      .map((r) => ({ kind: 'triage' as const, id: r.id, hours: round(Number(r.hours), 2) })),
    ...openLate.rows.map((r) => ({
      kind: 'triage_open' as const,
      id: r.id,
      hours: round(Number(r.hours), 2),
    })),
    ...responseTimes.rows
      .filter((r) => Number(r.hours) > settings.slaResponseHours)
      .map((r) => ({ kind: 'response' as const, id: r.id, hours: round(Number(r.hours), 2) })),
  ]
    .sort((a, b) => b.hours - a.hours || a.id.localeCompare(b.id))
    .slice(0, MAX_LISTED);
  const countStatus = (s: string) => decisions.rows.filter((r) => r.status === s).length;
  const rc = responseCounts.rows[0];

  return {
    triaged: decisions.rows.length,
    confirmed: countStatus('confirmed'),
    dismissed: countStatus('dismissed'),
    escalated: countStatus('escalated'),
    responses: { drafted: n(rc?.drafted), approved: n(rc?.approved), published: n(rc?.published) },
    timeToTriage: timing(triageHours, settings.slaTriageHours),
    timeToResponse: timing(responseHours, settings.slaResponseHours),
    breaches,
  };
}

/** Model accountability: each model named on a decided flag, per document language, and shadow runs. */
async function modelAccountability(
  db: Db,
  window: Window,
): Promise<Pick<DigestData, 'models' | 'dismissReasons' | 'shadow'>> {
  const { start, end } = window;
  const modelRows = await sql<{
    model_id: string;
    revision: string;
    lang: string;
    status: string;
    dismiss_reason: string | null;
    count: Num;
  }>`
    select m ->> 'id' as model_id, m ->> 'revision' as revision, coalesce(d.lang, 'und') as lang,
      f.status, f.dismiss_reason, count(*) as count
    from flags f join documents d on d.id = f.document_id
      cross join lateral jsonb_array_elements(case when jsonb_typeof(f.models) = 'array' then f.models else '[]'::jsonb end) as m
    where f.decided_at >= ${start} and f.decided_at < ${end} and f.status <> 'suggested'
    group by 1, 2, 3, 4, 5`.execute(db);
  const models = new Map<string, DigestData['models'][number]>();
  const reasons = new Map<string, DigestData['dismissReasons'][number]>();
  for (const r of modelRows.rows) {
    const key = `${r.model_id}\u0000${r.revision}\u0000${r.lang}`;
    const m =
      models.get(key) ??
      models
        .set(key, {
          modelId: r.model_id,
          revision: r.revision,
          lang: r.lang,
          confirmed: 0,
          dismissed: 0,
          escalated: 0,
          precision: null,
          interval: null,
        })
        .get(key)!;
    const c = n(r.count);
    if (r.status === 'confirmed') m.confirmed += c;
    else if (r.status === 'dismissed') m.dismissed += c;
    else if (r.status === 'escalated') m.escalated += c;
    if (r.status === 'dismissed') {
      const reason = r.dismiss_reason ?? 'unspecified';
      const rk = `${r.model_id}\u0000${r.revision}\u0000${reason}`;
      const entry =
        reasons.get(rk) ??
        reasons.set(rk, { modelId: r.model_id, revision: r.revision, reason, count: 0 }).get(rk)!;
      entry.count += c;
    }
  }
  for (const m of models.values()) {
    const { value, interval } = proportion(m.confirmed, m.confirmed + m.dismissed);
    m.precision = value;
    m.interval = interval;
  }

  const shadow = await compareShadowModels(db, window);
  return {
    models: [...models.values()].sort(
      (a, b) =>
        a.modelId.localeCompare(b.modelId) ||
        a.revision.localeCompare(b.revision) ||
        a.lang.localeCompare(b.lang),
    ),
    dismissReasons: [...reasons.values()].sort(
      (a, b) =>
        a.modelId.localeCompare(b.modelId) ||
        a.revision.localeCompare(b.revision) ||
        b.count - a.count ||
        a.reason.localeCompare(b.reason),
    ),
    ...(shadow.length > 0 ? { shadow } : {}),
  };
}

/** Coverage: daily volume per source against its last 4 weeks, fetch failures, blocks, extraction. */
async function sourceCoverage(
  db: Db,
  window: Window,
  sources: { id: string; name: string; is_enabled: boolean }[],
  days: string[],
  tz: string,
): Promise<DigestData['coverage']> {
  const { start, end } = window;
  const baselineStart = new Date(start.getTime() - BASELINE_DAYS * DAY_MS);
  const [perDay, fetchRows, extraction] = await Promise.all([
    sql<{ source_id: string; day: string; count: Num }>`
      select d.source_id, ${localDay('d.created_at', tz)} as day, count(*) as count from documents d
      where d.source_id is not null and d.created_at >= ${baselineStart} and d.created_at < ${end}
      group by 1, 2`.execute(db),
    sql<{ source_id: string; outcome: string; code: string | null; count: Num }>`
      select fe.source_id, fe.outcome, fe.error_code as code, count(*) as count from fetches fe
      where fe.source_id is not null and fe.started_at >= ${start} and fe.started_at < ${end}
      group by 1, 2, 3`.execute(db),
    sql<{ fetched: Num; failed: Num }>`
      select count(distinct fe.page_id) as fetched,
        count(distinct fe.page_id) filter (where p.status = 'failed') as failed
      from fetches fe join pages p on p.id = fe.page_id
      where fe.outcome = 'ok' and fe.started_at >= ${start} and fe.started_at < ${end}`.execute(db),
  ]);
  const baselineDays = daysOf({ start: baselineStart, end: start }, tz);
  const countsBySource = new Map<string, Map<string, number>>();
  for (const r of perDay.rows) {
    const m = countsBySource.get(r.source_id) ?? countsBySource.set(r.source_id, new Map()).get(r.source_id)!;
    m.set(r.day, n(r.count));
  }
  const coverage: SourceCoverage[] = sources
    .filter(
      (s) => s.is_enabled || countsBySource.has(s.id) || fetchRows.rows.some((f) => f.source_id === s.id),
    )
    .map((s) => {
      const counts = countsBySource.get(s.id) ?? new Map<string, number>();
      const baseline = meanAndSd(baselineDays.map((d) => counts.get(d) ?? 0));
      const dailyCounts = days.map((day) => {
        const count = counts.get(day) ?? 0;
        return { day, count, band: bandOf(count, baseline) };
      });
      const mine = fetchRows.rows.filter((f) => f.source_id === s.id);
      const sum = (pred: (f: (typeof mine)[number]) => boolean) =>
        mine.filter(pred).reduce((a, f) => a + n(f.count), 0);
      const fetches = {
        total: sum(() => true),
        ok: sum((f) => f.outcome === 'ok' || f.outcome === 'not_modified'),
        failed: sum((f) => f.outcome === 'permanent' || f.outcome === 'transient' || f.outcome === 'bug'),
        politeness: sum((f) => f.outcome === 'politeness'),
        robots: sum((f) => f.code === 'fetch_blocked_by_robots'),
      };
      const failureReasons = new Map<string, number>();
      for (const f of mine)
        if (f.outcome !== 'ok' && f.outcome !== 'not_modified')
          failureReasons.set(
            f.code ?? f.outcome,
            (failureReasons.get(f.code ?? f.outcome) ?? 0) + n(f.count),
          );
      return {
        sourceId: s.id,
        name: s.name,
        daily: dailyCounts,
        baseline: { mean: round(baseline.mean, 2), sd: round(baseline.sd, 2) },
        silentDays: dailyCounts.filter((d) => d.band === 'low').length,
        fetches,
        failing: fetches.total >= FAILING_MIN_FETCHES && fetches.failed / fetches.total >= FAILING_SHARE,
        failureReasons: [...failureReasons]
          .map(([code, count]) => ({ code, count }))
          .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      };
    });
  const ex = extraction.rows[0];
  const fetched = n(ex?.fetched);
  return {
    sources: coverage,
    silent: coverage.filter((s) => s.silentDays > 0).length,
    failing: coverage.filter((s) => s.failing).length,
    robotsBlocks: coverage.reduce((a, s) => a + s.fetches.robots, 0),
    politenessBlocks: coverage.reduce((a, s) => a + s.fetches.politeness, 0),
    extraction: {
      fetched,
      failed: n(ex?.failed),
      rate: fetched === 0 ? null : round(n(ex?.failed) / fetched),
    },
  };
}

/** A timestamp column as the local calendar day (YYYY-MM-DD) in the digest's time zone. */
const localDay = (column: string, tz: string) =>
  sql<string>`to_char((${sql.ref(column)} at time zone ${tz})::date, 'YYYY-MM-DD')`;

const proportion = (successes: number, trials: number) => {
  const ci = wilsonInterval(successes, trials);
  return {
    value: trials === 0 ? null : round(successes / trials),
    interval: ci && { low: round(ci.low), high: round(ci.high) },
  };
};

/**
 * Shadow mode: each shadow model revision (and document language) against what people decided about the
 * active model's flags in the window, and the claims it would flag that the active model never flagged.
 */
async function compareShadowModels(db: Db, window: Window): Promise<ShadowComparison[]> {
  const { decided, unflagged } = await countShadowOutcomes(db, window);
  const rows = new Map<string, ShadowComparison>();
  const rowOf = (r: { modelId: string; revision: string; lang: string }) => {
    const key = `${r.modelId}\u0000${r.revision}\u0000${r.lang}`;
    return (
      rows.get(key) ??
      rows
        .set(key, {
          modelId: r.modelId,
          revision: r.revision,
          lang: r.lang,
          confirmed: 0,
          dismissed: 0,
          escalated: 0,
          wouldFlagConfirmed: 0,
          wouldFlagDismissed: 0,
          precision: null,
          interval: null,
          activePrecision: null,
          activeInterval: null,
          wouldFlagUnflagged: 0,
        })
        .get(key)!
    );
  };
  for (const d of decided) {
    const row = rowOf(d);
    row[d.status] += d.count;
    if (d.wouldFlag && d.status === 'confirmed') row.wouldFlagConfirmed += d.count;
    if (d.wouldFlag && d.status === 'dismissed') row.wouldFlagDismissed += d.count;
  }
  for (const u of unflagged) rowOf(u).wouldFlagUnflagged += u.count;
  for (const row of rows.values()) {
    const shadow = proportion(row.wouldFlagConfirmed, row.wouldFlagConfirmed + row.wouldFlagDismissed);
    const active = proportion(row.confirmed, row.confirmed + row.dismissed);
    row.precision = shadow.value;
    row.interval = shadow.interval;
    row.activePrecision = active.value;
    row.activeInterval = active.interval;
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.modelId.localeCompare(b.modelId) ||
      a.revision.localeCompare(b.revision) ||
      a.lang.localeCompare(b.lang),
  );
}

function timing(hours: number[], slaHours: number): Timing {
  const edges = [0.25, 0.5, 1, 2].map((f) => f * slaHours);
  const histogram = [
    ...edges.map((upTo) => ({ upToHours: upTo as number | null, count: 0 })),
    { upToHours: null, count: 0 },
  ];
  for (const h of hours) {
    const i = edges.findIndex((e) => h < e);
    histogram[i === -1 ? edges.length : i]!.count += 1;
  }
  const p50 = percentile(hours, 0.5);
  const p90 = percentile(hours, 0.9);
  return {
    count: hours.length,
    p50Hours: p50 === null ? null : round(p50, 2),
    p90Hours: p90 === null ? null : round(p90, 2),
    slaHours,
    withinSla: hours.filter((h) => h <= slaHours).length,
    histogram,
  };
}
