import { type FlagReason, type FlagStatus, flagReasons, flagStatuses } from '@claimwatch/shared/domain';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DigestFilterNote, digestFilterFromParams } from '../digest/digest-filter.tsx';
import { formatDate, formatLanguageName, formatScore } from '../i18n/format.ts';
import { type FlagFilter, useFlagPage } from './flag-queries.ts';

const PAGE_SIZE = 50;
/** Languages offered in the filter; the crawler's sources are mostly in these. */
const articleLanguages = ['vi', 'en', 'zh', 'fr', 'ru', 'ja', 'ko'];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

/** The filters live in the URL, so a filtered list can be shared and survives reloads. */
function useFilterFromUrl(): [
  FlagFilter,
  (change: Partial<Record<'status' | 'reason' | 'lang' | 'offset', string>>) => void,
] {
  const [params, setParams] = useSearchParams();
  const offset = Number.parseInt(params.get('offset') ?? '0', 10);
  const filter: FlagFilter = {
    status: oneOf<FlagStatus>(flagStatuses, params.get('status')),
    reason: oneOf<FlagReason>(flagReasons, params.get('reason')),
    lang: oneOf(articleLanguages, params.get('lang')),
    ...digestFilterFromParams(params),
    limit: PAGE_SIZE,
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
  const update = (change: Partial<Record<'status' | 'reason' | 'lang' | 'offset', string>>) => {
    const next = new URLSearchParams(params);
    // A new filter starts again at the first page.
    if (!('offset' in change)) next.delete('offset');
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return [filter, update];
}

export function FlagListPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const navigate = useNavigate();
  const [filter, update] = useFilterFromUrl();
  const page = useFlagPage(filter);

  const openRow = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    // The title link navigates by itself; the rest of the row is a larger target for the mouse.
    if ((event.target as HTMLElement).closest('a, button')) return;
    navigate(`/flags/${id}`);
  };

  return (
    <section>
      <h1>{t('flags.title')}</h1>
      <fieldset className="filters">
        <legend>{t('flags.filters.legend')}</legend>
        <label>
          {t('flags.filters.status')}
          <select
            name="status"
            value={filter.status ?? ''}
            onChange={(e) => update({ status: e.target.value })}
          >
            <option value="">{t('flags.filters.any')}</option>
            {flagStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('flags.filters.reason')}
          <select
            name="reason"
            value={filter.reason ?? ''}
            onChange={(e) => update({ reason: e.target.value })}
          >
            <option value="">{t('flags.filters.any')}</option>
            {flagReasons.map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('flags.filters.lang')}
          <select name="lang" value={filter.lang ?? ''} onChange={(e) => update({ lang: e.target.value })}>
            <option value="">{t('flags.filters.any')}</option>
            {articleLanguages.map((code) => (
              <option key={code} value={code}>
                {formatLanguageName(code, language)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <DigestFilterNote filter={filter} />

      {page.isPending && <p className="status-line">{t('common.loading')}</p>}
      {page.isError && (
        <p className="status-line error" role="alert">
          {t('flags.loadFailed')}{' '}
          <button type="button" onClick={() => void page.refetch()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {page.data && page.data.items.length === 0 && <p className="status-line">{t('flags.empty')}</p>}
      {page.data && page.data.items.length > 0 && (
        <>
          <table data-testid="flag-list" className="flag-list">
            <thead>
              <tr>
                <th scope="col">{t('flags.columns.title')}</th>
                <th scope="col">{t('flags.columns.claim')}</th>
                <th scope="col">{t('flags.columns.reason')}</th>
                <th scope="col">{t('flags.columns.lang')}</th>
                <th scope="col">{t('flags.columns.date')}</th>
                <th scope="col" className="number">
                  {t('flags.columns.score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((flag) => (
                <tr
                  key={flag.id}
                  data-testid="flag-row"
                  className="clickable"
                  onClick={(e) => openRow(e, flag.id)}
                >
                  <td className="title">
                    <Link to={`/flags/${flag.id}`}>{flag.document.title ?? t('flags.untitled')}</Link>
                  </td>
                  <td className="claim" lang={flag.document.lang ?? undefined}>
                    {flag.claimText}
                  </td>
                  <td>
                    <span className={`reason reason-${flag.reason}`}>{t(`reason.${flag.reason}`)}</span>
                  </td>
                  <td>{formatLanguageName(flag.document.lang, language)}</td>
                  <td>
                    <time dateTime={flag.document.publishedAt ?? flag.createdAt}>
                      {formatDate(flag.document.publishedAt ?? flag.createdAt, language)}
                    </time>
                  </td>
                  <td className="number">{formatScore(flag.score, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager">
            <button
              type="button"
              disabled={filter.offset === 0}
              onClick={() => update({ offset: String(Math.max(0, filter.offset - PAGE_SIZE)) })}
            >
              {t('flags.previous')}
            </button>
            <span>
              {t('flags.range', { from: filter.offset + 1, to: filter.offset + page.data.items.length })}
            </span>
            <button
              type="button"
              disabled={!page.data.hasMore}
              onClick={() => update({ offset: String(filter.offset + PAGE_SIZE) })}
            >
              {t('flags.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
