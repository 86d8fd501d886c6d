import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Compared, DigestData, Timing } from '../../digest/digest.types.ts';
import { flagLink, flagsLink, sourceHealthLink } from '../../digest/digest-links.ts';
import { formatLanguageName } from '../i18n/format.ts';
import { intlLocale } from '../i18n/i18n.ts';
import { BarChart, palette } from './chart.tsx';
import { ShadowComparisonTable } from './shadow-comparison.tsx';

function L(props: { to: string; testId?: string | undefined; children: ReactNode }) {
  return (
    <Link to={props.to} data-testid={props.testId}>
      {props.children}
    </Link>
  );
}

/** One digest (a stored week, or the live window), every figure a link to the list behind it. */
export function DigestView({ data }: { data: DigestData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const num = (v: number) =>
    new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 2 }).format(v);
  const pct = (v: number | null) =>
    v === null
      ? '—'
      : new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const hours = (v: number | null) => (v === null ? '—' : t('digest.team.hours', { value: num(v) }));
  // Dates in the digest's own time zone (the week is Monday to Monday there), whatever the browser's.
  const inZone = (iso: string, time: boolean) =>
    new Intl.DateTimeFormat(intlLocale(language), {
      dateStyle: 'medium',
      ...(time ? { timeStyle: 'short' } : {}),
      timeZone: data.timezone,
    }).format(new Date(iso));
  const formatDateTime = (iso: string, _language: string) => inZone(iso, true);
  const formatDate = (iso: string, _language: string) => inZone(iso, false);
  const lang = (code: string) => (code === 'und' ? '—' : formatLanguageName(code, language));
  const from = data.periodStart;
  const to = data.periodEnd;
  const cmp = (c: Compared, link: string, testId?: string) => (
    <>
      <td className="number">
        <L to={link} testId={testId}>
          {num(c.current)}
        </L>
      </td>
      <td className="number muted">{num(c.previous)}</td>
      <td className="number muted">{num(c.average4)}</td>
    </>
  );
  const volumeHead = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('digest.volume.crawled')}</th>
        <th scope="col">{t('digest.volume.previous')}</th>
        <th scope="col">{t('digest.volume.average4')}</th>
        <th scope="col">{t('digest.volume.relevant')}</th>
        <th scope="col">{t('digest.volume.flagged')}</th>
        <th scope="col">{t('digest.volume.previous')}</th>
        <th scope="col">{t('digest.volume.average4')}</th>
      </tr>
    </thead>
  );
  const timing = (label: string, x: Timing) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="number">{hours(x.p50Hours)}</td>
      <td className="number">{hours(x.p90Hours)}</td>
      <td className="number">{hours(x.slaHours)}</td>
      <td className="number">
        {x.withinSla}/{x.count}
      </td>
    </tr>
  );
  const bucketLabels = (x: Timing) =>
    x.histogram.map((b, i) =>
      b.upToHours === null
        ? t('digest.team.bucketOver', { value: num(x.histogram[i - 1]?.upToHours ?? 0) })
        : t('digest.team.bucketUpTo', { value: num(b.upToHours) }),
    );
  const breachLabel = {
    triage: t('digest.team.breachTriage'),
    triage_open: t('digest.team.breachTriageOpen'),
    response: t('digest.team.breachResponse'),
  };
  const { totals } = data.volume;
  const team = data.team;

  return (
    <div className="digest">
      <p className="muted">
        {t('digest.period', {
          from: formatDateTime(from, language),
          to: formatDateTime(to, language),
          tz: data.timezone,
        })}
      </p>

      <section className="panel">
        <h2>{t('digest.sections.volume')}</h2>
        <table className="digest-table" data-testid="digest-volume">
          {volumeHead('')}
          <tbody>
            <tr>
              <th scope="row">{t('digest.volume.current')}</th>
              {cmp(totals.crawled, sourceHealthLink(), 'digest-crawled')}
              <td className="number">{num(totals.relevant.current)}</td>
              {cmp(totals.flagged, flagsLink({ from, to }), 'digest-flagged')}
            </tr>
            {data.volume.byLanguage.map((l) => (
              <tr key={l.lang}>
                <th scope="row">{lang(l.lang)}</th>
                {cmp(l.crawled, sourceHealthLink())}
                <td className="number">{num(l.relevant.current)}</td>
                {cmp(l.flagged, flagsLink({ lang: l.lang, from, to }), `digest-flagged-${l.lang}`)}
              </tr>
            ))}
          </tbody>
        </table>
        <table className="digest-table">
          {volumeHead(t('digest.volume.source'))}
          <tbody>
            {data.volume.bySource.map((s) => (
              <tr key={s.sourceId ?? ''}>
                <th scope="row">{s.name || t('digest.volume.noSource')}</th>
                {cmp(s.crawled, sourceHealthLink(s.sourceId))}
                <td className="number">{num(s.relevant.current)}</td>
                {cmp(s.flagged, flagsLink({ source: s.sourceId, from, to }))}
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('digest.volume.daily')}</h3>
        <BarChart
          testId="chart-volume"
          labels={data.volume.daily.map((d) => d.day.slice(5))}
          series={[
            {
              label: t('digest.volume.crawled'),
              values: data.volume.daily.map((d) => d.crawled),
              color: palette[0]!,
            },
            {
              label: t('digest.volume.flagged'),
              values: data.volume.daily.map((d) => d.flagged),
              color: palette[1]!,
            },
          ]}
        />
      </section>

      <section className="panel">
        <h2>{t('digest.sections.narratives')}</h2>
        <p>
          {t('digest.narratives.claimsTotal')}:{' '}
          <L to={flagsLink({ from, to })}>{num(data.narratives.claims.total)}</L> ·{' '}
          {t('digest.narratives.claimsNew')}:{' '}
          <span data-testid="digest-claims-new">{num(data.narratives.claims.new)}</span> ·{' '}
          {t('digest.narratives.claimsResurfacing')}:{' '}
          <span data-testid="digest-claims-resurfacing">{num(data.narratives.claims.resurfacing)}</span>
        </p>
        {data.narratives.references.length === 0 ? (
          <p className="muted">{t('digest.narratives.none')}</p>
        ) : (
          <>
            <table className="digest-table" data-testid="digest-narratives">
              <thead>
                <tr>
                  <th scope="col">{t('digest.narratives.reference')}</th>
                  <th scope="col">{t('digest.narratives.kind')}</th>
                  <th scope="col">{t('digest.narratives.flags')}</th>
                  <th scope="col">{t('digest.narratives.outlets')}</th>
                  <th scope="col">{t('digest.narratives.languages')}</th>
                  <th scope="col">{t('digest.narratives.firstAppearance')}</th>
                </tr>
              </thead>
              <tbody>
                {data.narratives.references.map((r) => (
                  <tr key={`${r.kind}:${r.id}`}>
                    <td>{language === 'en' ? r.titleEn : r.titleVi}</td>
                    <td>
                      {r.kind === 'verified_fact'
                        ? t('digest.narratives.kindVerifiedFact')
                        : t('digest.narratives.kindKnownNarrative')}
                    </td>
                    <td className="number">
                      <L
                        to={flagsLink({
                          reason:
                            r.kind === 'verified_fact'
                              ? 'contradicts_verified_fact'
                              : 'repeats_known_narrative',
                          from,
                          to,
                        })}
                      >
                        {num(r.flags)}
                      </L>
                    </td>
                    <td className="number">{num(r.outlets)}</td>
                    <td>{r.languages.map(lang).join(', ')}</td>
                    <td>
                      {r.firstAppearance ? formatDate(r.firstAppearance, language) : '—'}
                      {r.newThisPeriod && <span className="badge"> {t('digest.narratives.new')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <BarChart
              testId="chart-narratives"
              height={160}
              labels={data.narratives.references
                .slice(0, 10)
                .map((r) => (language === 'en' ? r.titleEn : r.titleVi).slice(0, 24))}
              series={[
                {
                  label: t('digest.narratives.flags'),
                  values: data.narratives.references.slice(0, 10).map((r) => r.flags),
                  color: palette[3]!,
                },
              ]}
            />
          </>
        )}
        {data.narratives.resurfacing.length > 0 && (
          <ul className="resurfacing">
            {data.narratives.resurfacing.map((r) => (
              <li key={r.flagId} lang={r.lang ?? undefined}>
                ↻ <Link to={flagLink(r.flagId)}>{r.claimText}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel">
        <h2>{t('digest.sections.team')}</h2>
        <table className="digest-table" data-testid="digest-team">
          <thead>
            <tr>
              {(
                [
                  'triaged',
                  'confirmed',
                  'dismissed',
                  'escalated',
                  'drafted',
                  'approved',
                  'published',
                ] as const
              ).map((k) => (
                <th key={k} scope="col">
                  {t(`digest.team.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="number">
                <L to={flagsLink({ from, to, on: 'decided' })} testId="digest-triaged">
                  {num(team.triaged)}
                </L>
              </td>
              {(['confirmed', 'dismissed', 'escalated'] as const).map((status) => (
                <td key={status} className="number">
                  <L to={flagsLink({ status, from, to, on: 'decided' })} testId={`digest-${status}`}>
                    {num(team[status])}
                  </L>
                </td>
              ))}
              <td className="number">{num(team.responses.drafted)}</td>
              <td className="number">{num(team.responses.approved)}</td>
              <td className="number">{num(team.responses.published)}</td>
            </tr>
          </tbody>
        </table>
        <table className="digest-table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t('digest.team.p50')}</th>
              <th scope="col">{t('digest.team.p90')}</th>
              <th scope="col">{t('digest.team.sla')}</th>
              <th scope="col">{t('digest.team.withinSla')}</th>
            </tr>
          </thead>
          <tbody>
            {timing(t('digest.team.timeToTriage'), team.timeToTriage)}
            {timing(t('digest.team.timeToResponse'), team.timeToResponse)}
          </tbody>
        </table>
        <h3>{t('digest.team.timeToTriage')}</h3>
        <BarChart
          testId="chart-sla"
          height={160}
          labels={bucketLabels(team.timeToTriage)}
          series={[
            {
              label: t('digest.team.timeToTriage'),
              values: team.timeToTriage.histogram.map((b) => b.count),
              color: palette[2]!,
            },
          ]}
        />
        <h3>{t('digest.team.breaches')}</h3>
        {team.breaches.length === 0 ? (
          <p className="muted">{t('digest.team.noBreaches')}</p>
        ) : (
          <ul data-testid="digest-breaches">
            {team.breaches.map((b) => (
              <li key={`${b.kind}:${b.id}`}>
                {breachLabel[b.kind]}:{' '}
                {b.kind === 'response' ? (
                  b.id.slice(0, 8)
                ) : (
                  <Link to={flagLink(b.id)}>{b.id.slice(0, 8)}</Link>
                )}{' '}
                — {hours(b.hours)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel">
        <h2>{t('digest.sections.models')}</h2>
        <p className="muted">{t('digest.models.note')}</p>
        {data.models.length === 0 ? (
          <p className="muted">{t('digest.models.none')}</p>
        ) : (
          <table className="digest-table" data-testid="digest-models">
            <thead>
              <tr>
                <th scope="col">{t('digest.models.model')}</th>
                <th scope="col">{t('digest.models.revision')}</th>
                <th scope="col">{t('digest.models.lang')}</th>
                <th scope="col">{t('digest.team.confirmed')}</th>
                <th scope="col">{t('digest.team.dismissed')}</th>
                <th scope="col">{t('digest.team.escalated')}</th>
                <th scope="col">{t('digest.models.precision')}</th>
                <th scope="col">{t('digest.models.interval')}</th>
              </tr>
            </thead>
            <tbody>
              {data.models.map((m) => {
                const model = `${m.modelId}@${m.revision}`;
                return (
                  <tr key={`${model}:${m.lang}`}>
                    <td>{m.modelId}</td>
                    <td>{m.revision}</td>
                    <td>{lang(m.lang)}</td>
                    <td className="number">
                      <L
                        to={flagsLink({ status: 'confirmed', lang: m.lang, model, from, to, on: 'decided' })}
                      >
                        {num(m.confirmed)}
                      </L>
                    </td>
                    <td className="number">
                      <L
                        to={flagsLink({ status: 'dismissed', lang: m.lang, model, from, to, on: 'decided' })}
                      >
                        {num(m.dismissed)}
                      </L>
                    </td>
                    <td className="number">{num(m.escalated)}</td>
                    <td className="number">{pct(m.precision)}</td>
                    <td>{m.interval ? `${pct(m.interval.low)} – ${pct(m.interval.high)}` : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {data.dismissReasons.length > 0 && (
          <>
            <h3>{t('digest.models.dismissReasons')}</h3>
            <table className="digest-table">
              <thead>
                <tr>
                  <th scope="col">{t('digest.models.model')}</th>
                  <th scope="col">{t('digest.models.reason')}</th>
                  <th scope="col">{t('digest.models.count')}</th>
                </tr>
              </thead>
              <tbody>
                {data.dismissReasons.map((r) => (
                  <tr key={`${r.modelId}@${r.revision}:${r.reason}`}>
                    <td>{`${r.modelId}@${r.revision}`}</td>
                    <td>{t(`digest.dismissReason.${r.reason as 'other'}`, { defaultValue: r.reason })}</td>
                    <td className="number">{num(r.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {data.shadow && data.shadow.length > 0 && (
          <ShadowComparisonTable
            rows={data.shadow}
            from={from}
            to={to}
            format={{
              num,
              pct,
              lang,
              link: (path, children, testId) => (
                <L to={path} testId={testId}>
                  {children}
                </L>
              ),
            }}
          />
        )}
      </section>

      <section className="panel">
        <h2>{t('digest.sections.coverage')}</h2>
        <p className="muted">{t('digest.coverage.note')}</p>
        <table className="digest-table" data-testid="digest-coverage">
          <thead>
            <tr>
              <th scope="col">{t('digest.coverage.silentSources')}</th>
              <th scope="col">{t('digest.coverage.failingSources')}</th>
              <th scope="col">{t('digest.coverage.robotsBlocks')}</th>
              <th scope="col">{t('digest.coverage.politenessBlocks')}</th>
              <th scope="col">{t('digest.coverage.extraction')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="number">
                <L to={sourceHealthLink()} testId="digest-silent">
                  {num(data.coverage.silent)}
                </L>
              </td>
              <td className="number">
                <L to={sourceHealthLink()}>{num(data.coverage.failing)}</L>
              </td>
              <td className="number">{num(data.coverage.robotsBlocks)}</td>
              <td className="number">{num(data.coverage.politenessBlocks)}</td>
              <td className="number">
                {pct(data.coverage.extraction.rate)} ({data.coverage.extraction.failed}/
                {data.coverage.extraction.fetched})
              </td>
            </tr>
          </tbody>
        </table>
        <table className="digest-table">
          <thead>
            <tr>
              <th scope="col">{t('digest.coverage.source')}</th>
              <th scope="col">{t('digest.coverage.silentDays')}</th>
              <th scope="col">{t('digest.coverage.fetches')}</th>
              <th scope="col">{t('digest.coverage.failed')}</th>
              <th scope="col">{t('digest.coverage.failing')}</th>
            </tr>
          </thead>
          <tbody>
            {data.coverage.sources.map((s) => (
              <tr key={s.sourceId} className={s.failing || s.silentDays > 0 ? 'warn' : undefined}>
                <td>
                  <Link to={sourceHealthLink(s.sourceId)}>{s.name}</Link>
                </td>
                <td className="number">{num(s.silentDays)}</td>
                <td className="number">{num(s.fetches.total)}</td>
                <td className="number">{num(s.fetches.failed)}</td>
                <td>{s.failing ? t('digest.coverage.yes') : t('digest.coverage.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
