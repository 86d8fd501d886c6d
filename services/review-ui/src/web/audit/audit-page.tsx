import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditPage as AuditPageData } from '../../audit/audit.schemas.ts';
import { callApi } from '../api/api-client.ts';
import { formatDateTime } from '../i18n/format.ts';

const fields = ['entityType', 'entityId', 'actor', 'action', 'from', 'to'] as const;

/** The audit log for managers: filters live in the URL; exports download the same filter. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = new URLSearchParams();
  for (const f of fields) {
    const value = params.get(f);
    // Date inputs give a day; the API wants an instant.
    if (value)
      filter.set(f, f === 'from' || f === 'to' ? new Date(`${value}T00:00:00`).toISOString() : value);
  }
  const page = useQuery({
    queryKey: ['audit', filter.toString()],
    queryFn: ({ signal }) => callApi<AuditPageData>('GET', `/api/audit?limit=200&${filter}`, { signal }),
    placeholderData: keepPreviousData,
  });
  const set = (field: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(field, value);
    else next.delete(field);
    setParams(next);
  };
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <fieldset className="filters">
        <legend>{t('audit.filters')}</legend>
        {fields.map((f) => (
          <label key={f}>
            {t(`audit.field.${f}`)}{' '}
            <input
              name={f}
              type={f === 'from' || f === 'to' ? 'date' : 'text'}
              value={params.get(f) ?? ''}
              onChange={(e) => set(f, e.target.value.trim())}
            />
          </label>
        ))}
      </fieldset>
      <p>
        {t('audit.export')}:{' '}
        <a href={`/api/audit/export?format=csv&${filter}`} download>
          CSV
        </a>{' '}
        ·{' '}
        <a href={`/api/audit/export?format=json&${filter}`} download>
          JSON
        </a>
      </p>
      {page.isError && <p className="error">{t('audit.loadFailed')}</p>}
      <table className="flag-table">
        <thead>
          <tr>
            <th>{t('audit.field.when')}</th>
            <th>{t('audit.field.actor')}</th>
            <th>{t('audit.field.action')}</th>
            <th>{t('audit.field.entityType')}</th>
            <th>{t('audit.field.entityId')}</th>
            <th>{t('audit.field.change')}</th>
          </tr>
        </thead>
        <tbody>
          {page.data?.items.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td>{formatDateTime(e.occurredAt, i18n.resolvedLanguage ?? 'vi')}</td>
              <td>{e.actor ? e.actor.displayName : t('audit.system')}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.entityType}</td>
              <td>
                <code>{e.entityId}</code>
              </td>
              <td>
                <code className="audit-change">
                  {JSON.stringify(e.before)} → {JSON.stringify(e.after)}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
