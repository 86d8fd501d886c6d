import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.ts';
import { Sparkline } from './chart.tsx';
import { useSourceHealth } from './digest-queries.ts';

/** /sources/health — per source: last success, state, articles per day, failure reasons, politeness. */
export function SourceHealthPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const health = useSourceHealth();
  return (
    <section>
      <h1>{t('digest.health.title')}</h1>
      {health.isPending && <p className="status-line">{t('common.loading')}</p>}
      {health.isError && (
        <p className="status-line error" role="alert">
          {t('digest.loadFailed')}
        </p>
      )}
      {health.data && (
        <table className="digest-table" data-testid="source-health">
          <thead>
            <tr>
              <th scope="col">{t('digest.coverage.source')}</th>
              <th scope="col">{t('digest.health.status')}</th>
              <th scope="col">{t('digest.health.lastSuccess')}</th>
              <th scope="col">{t('digest.health.itemsPerDay')}</th>
              <th scope="col">{t('digest.health.failureReasons')}</th>
              <th scope="col">{t('digest.health.politeness')}</th>
            </tr>
          </thead>
          <tbody>
            {health.data.items.map((s) => (
              <tr key={s.id} id={`source-${s.id}`} className={s.state === 'ok' ? undefined : 'warn'}>
                <td>
                  {s.name}
                  <br />
                  <span className="muted">{s.url}</span>
                </td>
                <td>
                  <span className={`state state-${s.state}`} data-testid="source-state">
                    {t(`digest.health.state.${s.state}`)}
                  </span>
                  {s.consecutiveFailures > 0 && (
                    <div>{t('digest.health.consecutiveFailures', { count: s.consecutiveFailures })}</div>
                  )}
                  {s.lastError && <div className="muted">{s.lastError}</div>}
                </td>
                <td>
                  {s.lastSuccessAt ? formatDateTime(s.lastSuccessAt, language) : t('digest.health.never')}
                </td>
                <td>
                  <Sparkline
                    values={s.itemsPerDay.map((d) => d.count)}
                    label={t('digest.health.itemsPerDay')}
                  />
                </td>
                <td>
                  {s.failureReasons.length === 0
                    ? t('digest.health.none')
                    : s.failureReasons.map((r) => `${r.code} × ${r.count}`).join(', ')}
                </td>
                <td>
                  {t('digest.health.politenessState', {
                    count: s.politenessDelays24h,
                    next: formatDateTime(s.nextPollAt, language),
                  })}
                  {s.robotsBlocks7d > 0 && <div>{`robots.txt × ${s.robotsBlocks7d}`}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
