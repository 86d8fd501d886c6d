import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLiveOverview } from './digest-queries.ts';
import { DigestView } from './digest-view.tsx';

/** /overview — the digest's figures for today or this week so far, refreshed every minute. */
export function OverviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const range = params.get('range') === 'week' ? 'week' : 'today';
  const live = useLiveOverview(range);
  return (
    <section>
      <h1>{t('digest.overview.title')}</h1>
      <nav className="tabs">
        {(['today', 'week'] as const).map((r) => (
          <button key={r} type="button" aria-pressed={range === r} onClick={() => setParams({ range: r })}>
            {t(`digest.overview.${r}`)}
          </button>
        ))}
      </nav>
      {live.isPending && <p className="status-line">{t('common.loading')}</p>}
      {live.isError && (
        <p className="status-line error" role="alert">
          {t('digest.loadFailed')}
        </p>
      )}
      {live.data && <DigestView data={live.data} />}
    </section>
  );
}
