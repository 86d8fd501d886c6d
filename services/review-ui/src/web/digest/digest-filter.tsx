import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FlagFilter } from '../review/flag-queries.ts';

const isoOrUndefined = (v: string | null) =>
  v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined;

/** The flag list's extra filters that the digest's links carry (source, period, model revision). */
export function digestFilterFromParams(params: URLSearchParams): Partial<FlagFilter> {
  const model = params.get('model');
  const source = params.get('source');
  const shadow = params.get('shadow');
  const shadowFlag = params.get('shadowFlag');
  const hasShadow = shadow && /^[^@\s]+@[^@\s]+$/.test(shadow);
  return {
    ...(source && /^[0-9a-f-]{36}$/i.test(source) ? { source } : {}),
    ...(isoOrUndefined(params.get('from')) ? { from: isoOrUndefined(params.get('from'))! } : {}),
    ...(isoOrUndefined(params.get('to')) ? { to: isoOrUndefined(params.get('to'))! } : {}),
    ...(params.get('on') === 'decided' ? { on: 'decided' as const } : {}),
    ...(model && /^[^@\s]+@[^@\s]+$/.test(model) ? { model } : {}),
    ...(hasShadow ? { shadow } : {}),
    ...(hasShadow && (shadowFlag === 'yes' || shadowFlag === 'no') ? { shadowFlag } : {}),
  };
}

/** Says that the list is narrowed by a digest link, and offers to drop those filters. */
export function DigestFilterNote({ filter }: { filter: FlagFilter }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  if (!filter.from && !filter.to && !filter.source && !filter.model && !filter.shadow) return null;
  const format = (iso: string | undefined) =>
    iso
      ? new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en' : 'vi-VN', {
          dateStyle: 'medium',
          timeStyle: 'short',
        }).format(new Date(iso))
      : '…';
  const clear = () => {
    const next = new URLSearchParams(params);
    for (const key of ['from', 'to', 'on', 'source', 'model', 'shadow', 'shadowFlag', 'offset'])
      next.delete(key);
    setParams(next);
  };
  return (
    <p className="status-line" data-testid="digest-filter-note">
      {t(filter.on === 'decided' ? 'digest.listFilter.decided' : 'digest.listFilter.created', {
        from: format(filter.from),
        to: format(filter.to),
      })}
      {filter.model && ` · ${filter.model}`}
      {filter.shadow &&
        ` · ${t(
          filter.shadowFlag === 'yes'
            ? 'digest.listFilter.shadowYes'
            : filter.shadowFlag === 'no'
              ? 'digest.listFilter.shadowNo'
              : 'digest.listFilter.shadowScored',
          { model: filter.shadow },
        )}`}{' '}
      <button type="button" onClick={clear}>
        {t('digest.listFilter.clear')}
      </button>
    </p>
  );
}
