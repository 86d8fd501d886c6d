import type { DigestData } from './digest.types.ts';
import { type DigestLocale, digestStrings } from './digest-html.ts';

/**
 * The digest's tables as one CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read Vietnamese):
 * each row starts with the table it belongs to, so one file holds them all and filters by column A.
 */
export function renderDigestCsv(data: DigestData, locale: DigestLocale): string {
  const t = digestStrings(locale);
  const rows: (string | number | null)[][] = [
    ['table', 'key', 'label', 'current', 'previous', 'average4', 'extra'],
  ];
  const vol = (table: string, key: string, label: string, row: DigestData['volume']['totals']) => {
    rows.push([
      table,
      key,
      `${label} · ${t.volume.crawled}`,
      row.crawled.current,
      row.crawled.previous,
      row.crawled.average4,
      'crawled',
    ]);
    rows.push([
      table,
      key,
      `${label} · ${t.volume.relevant}`,
      row.relevant.current,
      row.relevant.previous,
      row.relevant.average4,
      'relevant',
    ]);
    rows.push([
      table,
      key,
      `${label} · ${t.volume.flagged}`,
      row.flagged.current,
      row.flagged.previous,
      row.flagged.average4,
      'flagged',
    ]);
  };
  vol('volume_total', 'all', t.volume.current, data.volume.totals);
  for (const l of data.volume.byLanguage) vol('volume_language', l.lang, l.lang, l);
  for (const s of data.volume.bySource)
    vol('volume_source', s.sourceId ?? '', s.name || t.volume.noSource, s);
  for (const d of data.volume.daily)
    rows.push(['volume_daily', d.day, d.day, d.crawled, d.relevant, d.flagged, 'crawled/relevant/flagged']);
  for (const r of data.narratives.references)
    rows.push([
      'narratives',
      `${r.kind}:${r.id}`,
      locale === 'en' ? r.titleEn : r.titleVi,
      r.flags,
      r.outlets,
      r.languages.join(' '),
      r.firstAppearance,
    ]);
  const c = data.narratives.claims;
  rows.push([
    'claims',
    'all',
    t.narratives.claimsTotal,
    c.total,
    c.new,
    c.resurfacing,
    'total/new/resurfacing',
  ]);
  const team = data.team;
  rows.push([
    'team',
    'flags',
    t.team.triaged,
    team.triaged,
    team.confirmed,
    team.dismissed,
    `escalated=${team.escalated}`,
  ]);
  rows.push([
    'team',
    'responses',
    t.team.drafted,
    team.responses.drafted,
    team.responses.approved,
    team.responses.published,
    'drafted/approved/published',
  ]);
  for (const [key, timing] of [
    ['time_to_triage', team.timeToTriage],
    ['time_to_response', team.timeToResponse],
  ] as const)
    rows.push([
      'team_timing',
      key,
      key === 'time_to_triage' ? t.team.timeToTriage : t.team.timeToResponse,
      timing.p50Hours,
      timing.p90Hours,
      timing.slaHours,
      `within=${timing.withinSla}/${timing.count}`,
    ]);
  for (const b of team.breaches) rows.push(['sla_breach', b.id, b.kind, b.hours, null, null, null]);
  for (const m of data.models)
    rows.push([
      'models',
      `${m.modelId}@${m.revision}:${m.lang}`,
      `${m.modelId} ${m.revision} ${m.lang}`,
      m.confirmed,
      m.dismissed,
      m.precision,
      m.interval ? `${m.interval.low}-${m.interval.high}` : null,
    ]);
  for (const r of data.dismissReasons)
    rows.push([
      'dismiss_reasons',
      `${r.modelId}@${r.revision}:${r.reason}`,
      t.dismissReason[r.reason as keyof typeof t.dismissReason] ?? r.reason,
      r.count,
      null,
      null,
      null,
    ]);
  for (const m of data.shadow ?? [])
    rows.push([
      'shadow',
      `${m.modelId}@${m.revision}:${m.lang}`,
      `${m.modelId} ${m.revision} ${m.lang}`,
      m.wouldFlagConfirmed,
      m.wouldFlagDismissed,
      m.precision,
      `confirmed=${m.confirmed} dismissed=${m.dismissed} escalated=${m.escalated} active_precision=${m.activePrecision ?? ''} would_flag_unflagged=${m.wouldFlagUnflagged}`,
    ]);
  for (const s of data.coverage.sources)
    rows.push([
      'coverage_source',
      s.sourceId,
      s.name,
      s.silentDays,
      s.fetches.total,
      s.fetches.failed,
      s.failing ? 'failing' : 'ok',
    ]);
  const cov = data.coverage;
  rows.push([
    'coverage',
    'all',
    t.sections.coverage,
    cov.silent,
    cov.failing,
    cov.extraction.rate,
    `robots=${cov.robotsBlocks} politeness=${cov.politenessBlocks}`,
  ]);
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
