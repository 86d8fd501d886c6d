import { responseStatuses } from '@claimwatch/shared/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../i18n/format.ts';
import { useResponsePage } from './response-queries.ts';

export function ResponsesListPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = responseStatuses.find((s) => s === params.get('status'));
  const page = useResponsePage(status);
  return (
    <section>
      <h1>{t('respond.list.title')}</h1>
      <div className="filters">
        <label>
          {t('respond.list.status')}{' '}
          <select
            value={status ?? ''}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
          >
            <option value="">{t('respond.list.all')}</option>
            {responseStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`respond.status.${s}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <Link to="/responses/new">{t('respond.list.new')}</Link>
      </div>
      {page.isPending && <p>{t('common.loading')}</p>}
      {page.isError && <p className="error">{t('respond.loadFailed')}</p>}
      {page.data && page.data.items.length === 0 && <p className="muted">{t('respond.list.empty')}</p>}
      {page.data && page.data.items.length > 0 && (
        <table className="flag-table">
          <thead>
            <tr>
              <th>{t('respond.list.claim')}</th>
              <th>{t('respond.field.template')}</th>
              <th>{t('respond.field.verdict')}</th>
              <th>{t('respond.list.status')}</th>
              <th>{t('respond.list.author')}</th>
              <th>{t('respond.list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((r) => (
              <tr key={r.id} data-testid="response-row">
                <td>
                  <Link to={`/responses/${r.id}`}>{r.title || r.id}</Link>
                </td>
                <td>{t(`respond.template.${r.template}`)}</td>
                <td>{t(`respond.verdict.${r.verdictLabel}`)}</td>
                <td>{t(`respond.status.${r.status}`)}</td>
                <td>{r.createdBy?.displayName ?? '—'}</td>
                <td>{formatDateTime(r.updatedAt, i18n.resolvedLanguage ?? 'vi')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
