import { en } from '../web/i18n/catalog.en.ts';
import { vi } from '../web/i18n/catalog.vi.ts';
import type { Compared, DigestData, Timing } from './digest.types.ts';
import { digestLink, flagLink, flagsLink, shadowLinks, sourceHealthLink } from './digest-links.ts';

/**
 * The digest as one self-contained HTML document (no script, inline SVG charts): the e-mail body and the
 * page Chromium prints to PDF. Strings come from the web UI's catalogs, so both speak the same words.
 */

export type DigestLocale = 'vi' | 'en';
type Strings = typeof vi.digest;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function digestStrings(locale: DigestLocale): Strings {
  return locale === 'en' ? en.digest : vi.digest;
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

const intlLocale = (locale: DigestLocale) => (locale === 'en' ? 'en' : 'vi-VN');

export function formatters(locale: DigestLocale, timeZone: string) {
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const languages = (() => {
    try {
      return new Intl.DisplayNames([intlLocale(locale)], { type: 'language' });
    } catch {
      return undefined;
    }
  })();
  return {
    number: (v: number) => number.format(v),
    percent: (v: number | null) => (v === null ? '—' : percent.format(v)),
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    lang: (code: string) => (code === 'und' ? '—' : (languages?.of(code) ?? code)),
    hours: (v: number | null, t: Strings) =>
      v === null ? '—' : fill(t.team.hours, { value: number.format(v) }),
  };
}

function bars(values: { label: string; value: number }[], width = 640, height = 160): string {
  const max = Math.max(1, ...values.map((v) => v.value));
  const slot = width / Math.max(1, values.length);
  const chart = values
    .map((v, i) => {
      const h = Math.round((v.value / max) * (height - 40));
      const x = Math.round(i * slot + slot * 0.15);
      const w = Math.round(slot * 0.7);
      return `<rect x="${x}" y="${height - 20 - h}" width="${w}" height="${h}" fill="#2563eb"/><text x="${x + w / 2}" y="${height - 24 - h}" font-size="11" text-anchor="middle">${v.value}</text><text x="${x + w / 2}" y="${height - 5}" font-size="10" text-anchor="middle">${esc(v.label)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${chart}</svg>`;
}

/** Model accountability's shadow part; nothing when no shadow model scored a claim the period counts. */
function shadowHtml(
  data: DigestData,
  t: Strings,
  f: ReturnType<typeof formatters>,
  a: (path: string, text: string | number) => string,
): string {
  if (!data.shadow || data.shadow.length === 0) return '';
  const interval = (i: { low: number; high: number } | null) =>
    i ? `${f.percent(i.low)} – ${f.percent(i.high)}` : '—';
  const th = (...cells: string[]) => `<tr>${cells.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const rows = data.shadow.map((r) => {
    const links = shadowLinks(r, data.periodStart, data.periodEnd);
    // The last figure has no link: those claims have no flag (see shadowLinks).
    return `<tr><td>${esc(`${r.modelId}@${r.revision}`)}</td><td>${esc(f.lang(r.lang))}</td><td class="n">${a(links.confirmed, r.confirmed)}</td><td class="n">${a(links.dismissed, r.dismissed)}</td><td class="n">${a(links.wouldFlagConfirmed, r.wouldFlagConfirmed)}</td><td class="n">${a(links.wouldFlagDismissed, r.wouldFlagDismissed)}</td><td class="n">${f.percent(r.precision)}</td><td>${interval(r.interval)}</td><td class="n">${f.percent(r.activePrecision)}</td><td>${interval(r.activeInterval)}</td><td class="n">${r.wouldFlagUnflagged}</td></tr>`;
  });
  return `<h3>${esc(t.shadow.title)}</h3>
<p class="muted">${esc(t.shadow.note)}</p>
<table>${th(t.shadow.model, t.models.lang, t.team.confirmed, t.team.dismissed, t.shadow.wouldFlagConfirmed, t.shadow.wouldFlagDismissed, t.shadow.precision, t.models.interval, t.shadow.activePrecision, t.models.interval, t.shadow.unflagged)}
${rows.join('\n')}</table>
<p class="muted">${esc(t.shadow.unflaggedNote)}</p>`;
}

export function renderDigestHtml(data: DigestData, locale: DigestLocale, baseUrl: string): string {
  const t = digestStrings(locale);
  const f = formatters(locale, data.timezone);
  const from = data.periodStart;
  const to = data.periodEnd;
  const a = (path: string, text: string | number) =>
    `<a href="${esc(baseUrl + path)}">${esc(String(text))}</a>`;
  const cmp = (c: Compared, link: string) =>
    `<td class="n">${a(link, f.number(c.current))}</td><td class="n">${f.number(c.previous)}</td><td class="n">${f.number(c.average4)}</td>`;
  const head = (...cells: string[]) => `<tr>${cells.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const volHead = head(
    '',
    t.volume.crawled,
    t.volume.previous,
    t.volume.average4,
    t.volume.flagged,
    t.volume.previous,
    t.volume.average4,
  );
  const { totals } = data.volume;
  const timingRow = (label: string, timing: Timing) =>
    `<tr><th>${esc(label)}</th><td class="n">${f.hours(timing.p50Hours, t)}</td><td class="n">${f.hours(timing.p90Hours, t)}</td><td class="n">${f.hours(timing.slaHours, t)}</td><td class="n">${timing.withinSla}/${timing.count}</td></tr>`;
  const breachLabel = {
    triage: t.team.breachTriage,
    triage_open: t.team.breachTriageOpen,
    response: t.team.breachResponse,
  };
  const histogram = (timing: Timing) =>
    bars(
      timing.histogram.map((b, i) => ({
        label:
          b.upToHours === null
            ? fill(t.team.bucketOver, { value: timing.histogram[i - 1]?.upToHours ?? 0 })
            : fill(t.team.bucketUpTo, { value: b.upToHours }),
        value: b.count,
      })),
      480,
      140,
    );
  const title = fill(t.title, { week: data.label });
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#111;margin:24px;font-size:13px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}
td.n{text-align:right}.muted{color:#555}a{color:#1d4ed8}section{page-break-inside:avoid}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="muted">${esc(fill(t.period, { from: f.dateTime(from), to: f.dateTime(to), tz: data.timezone }))}</p>
<p>${a(digestLink(data.label), t.email.open)}</p>
<section><h2>${esc(t.sections.volume)}</h2>
<table>${volHead}
<tr><th>${esc(t.volume.current)}</th>${cmp(totals.crawled, sourceHealthLink())}${cmp(totals.flagged, flagsLink({ from, to }))}</tr>
${data.volume.byLanguage.map((l) => `<tr><th>${esc(f.lang(l.lang))}</th>${cmp(l.crawled, sourceHealthLink())}${cmp(l.flagged, flagsLink({ lang: l.lang, from, to }))}</tr>`).join('\n')}
</table>
<table>${volHead}
${data.volume.bySource.map((s) => `<tr><th>${esc(s.name || t.volume.noSource)}</th>${cmp(s.crawled, sourceHealthLink(s.sourceId))}${cmp(s.flagged, flagsLink({ source: s.sourceId, from, to }))}</tr>`).join('\n')}
</table>
<p>${esc(t.volume.daily)}</p>${bars(data.volume.daily.map((d) => ({ label: d.day.slice(5), value: d.crawled })))}
</section>
<section><h2>${esc(t.sections.narratives)}</h2>
<p>${esc(t.narratives.claimsTotal)}: ${a(flagsLink({ from, to }), data.narratives.claims.total)} · ${esc(t.narratives.claimsNew)}: ${data.narratives.claims.new} · ${esc(t.narratives.claimsResurfacing)}: ${data.narratives.claims.resurfacing}</p>
${
  data.narratives.references.length === 0
    ? `<p>${esc(t.narratives.none)}</p>`
    : `<table>${head(t.narratives.reference, t.narratives.kind, t.narratives.flags, t.narratives.outlets, t.narratives.languages, t.narratives.firstAppearance)}
${data.narratives.references
  .map(
    (r) =>
      `<tr><td>${esc(locale === 'en' ? r.titleEn : r.titleVi)}</td><td>${esc(r.kind === 'verified_fact' ? t.narratives.kindVerifiedFact : t.narratives.kindKnownNarrative)}</td><td class="n">${a(flagsLink({ reason: r.kind === 'verified_fact' ? 'contradicts_verified_fact' : 'repeats_known_narrative', from, to }), r.flags)}</td><td class="n">${r.outlets}</td><td>${esc(r.languages.map(f.lang).join(', '))}</td><td>${r.firstAppearance ? esc(f.date(r.firstAppearance)) : '—'}${r.newThisPeriod ? ` (${esc(t.narratives.new)})` : ''}</td></tr>`,
  )
  .join('\n')}</table>`
}
${data.narratives.resurfacing.map((r) => `<p>↻ ${a(flagLink(r.flagId), r.claimText)}</p>`).join('\n')}
</section>
<section><h2>${esc(t.sections.team)}</h2>
<table>${head(t.team.triaged, t.team.confirmed, t.team.dismissed, t.team.escalated, t.team.drafted, t.team.approved, t.team.published)}
<tr><td class="n">${a(flagsLink({ from, to, on: 'decided' }), data.team.triaged)}</td><td class="n">${a(flagsLink({ status: 'confirmed', from, to, on: 'decided' }), data.team.confirmed)}</td><td class="n">${a(flagsLink({ status: 'dismissed', from, to, on: 'decided' }), data.team.dismissed)}</td><td class="n">${a(flagsLink({ status: 'escalated', from, to, on: 'decided' }), data.team.escalated)}</td><td class="n">${data.team.responses.drafted}</td><td class="n">${data.team.responses.approved}</td><td class="n">${data.team.responses.published}</td></tr></table>
<table>${head('', t.team.p50, t.team.p90, t.team.sla, t.team.withinSla)}
${timingRow(t.team.timeToTriage, data.team.timeToTriage)}${timingRow(t.team.timeToResponse, data.team.timeToResponse)}</table>
<p>${esc(t.team.timeToTriage)}</p>${histogram(data.team.timeToTriage)}
<p><strong>${esc(t.team.breaches)}</strong></p>
${
  data.team.breaches.length === 0
    ? `<p>${esc(t.team.noBreaches)}</p>`
    : `<ul>${data.team.breaches.map((b) => `<li>${esc(breachLabel[b.kind])}: ${b.kind === 'response' ? esc(b.id.slice(0, 8)) : a(flagLink(b.id), b.id.slice(0, 8))} — ${f.hours(b.hours, t)}</li>`).join('')}</ul>`
}
</section>
<section><h2>${esc(t.sections.models)}</h2>
<p class="muted">${esc(t.models.note)}</p>
${
  data.models.length === 0
    ? `<p>${esc(t.models.none)}</p>`
    : `<table>${head(t.models.model, t.models.revision, t.models.lang, t.team.confirmed, t.team.dismissed, t.team.escalated, t.models.precision, t.models.interval)}
${data.models.map((m) => `<tr><td>${esc(m.modelId)}</td><td>${esc(m.revision)}</td><td>${esc(f.lang(m.lang))}</td><td class="n">${a(flagsLink({ status: 'confirmed', lang: m.lang, model: `${m.modelId}@${m.revision}`, from, to, on: 'decided' }), m.confirmed)}</td><td class="n">${a(flagsLink({ status: 'dismissed', lang: m.lang, model: `${m.modelId}@${m.revision}`, from, to, on: 'decided' }), m.dismissed)}</td><td class="n">${m.escalated}</td><td class="n">${f.percent(m.precision)}</td><td>${m.interval ? `${f.percent(m.interval.low)} – ${f.percent(m.interval.high)}` : '—'}</td></tr>`).join('\n')}</table>`
}
${
  data.dismissReasons.length === 0
    ? ''
    : `<p><strong>${esc(t.models.dismissReasons)}</strong></p><table>${head(t.models.model, t.models.reason, t.models.count)}
${data.dismissReasons.map((r) => `<tr><td>${esc(`${r.modelId}@${r.revision}`)}</td><td>${esc(t.dismissReason[r.reason as keyof Strings['dismissReason']] ?? r.reason)}</td><td class="n">${r.count}</td></tr>`).join('\n')}</table>`
}
${shadowHtml(data, t, f, a)}
</section>
<section><h2>${esc(t.sections.coverage)}</h2>
<p class="muted">${esc(t.coverage.note)}</p>
<table>${head(t.coverage.silentSources, t.coverage.failingSources, t.coverage.robotsBlocks, t.coverage.politenessBlocks, t.coverage.extraction)}
<tr><td class="n">${a(sourceHealthLink(), data.coverage.silent)}</td><td class="n">${a(sourceHealthLink(), data.coverage.failing)}</td><td class="n">${data.coverage.robotsBlocks}</td><td class="n">${data.coverage.politenessBlocks}</td><td class="n">${f.percent(data.coverage.extraction.rate)} (${data.coverage.extraction.failed}/${data.coverage.extraction.fetched})</td></tr></table>
<table>${head(t.coverage.source, t.coverage.silentDays, t.coverage.fetches, t.coverage.failed, t.coverage.failing)}
${data.coverage.sources.map((s) => `<tr><td>${a(sourceHealthLink(s.sourceId), s.name)}</td><td class="n">${s.silentDays}</td><td class="n">${s.fetches.total}</td><td class="n">${s.fetches.failed}</td><td>${esc(s.failing ? t.coverage.yes : t.coverage.no)}</td></tr>`).join('\n')}</table>
</section>
</body></html>`;
}
