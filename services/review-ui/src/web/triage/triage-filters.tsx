import { type FlagReason, type FlagStatus, flagReasons, flagStatuses } from '@claimwatch/shared/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TriageFilter,
  useDeleteFilter,
  useFacets,
  useSavedFilters,
  useSaveFilter,
} from './triage-queries.ts';

const articleLanguages = ['vi', 'en', 'zh', 'fr', 'ru', 'ja', 'ko'];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

const isoOrUndefined = (value: string | null) =>
  value && !Number.isNaN(Date.parse(value)) ? value : undefined;
const scoreOrUndefined = (value: string | null) => {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
};

/** The filter lives in the URL; without a status the queue shows what is waiting (suggested). */
export function filterFromParams(params: URLSearchParams): TriageFilter {
  const status = params.get('status');
  return {
    status: status === 'all' ? undefined : (oneOf<FlagStatus>(flagStatuses, status) ?? 'suggested'),
    reason: oneOf<FlagReason>(flagReasons, params.get('reason')),
    lang: oneOf(articleLanguages, params.get('lang')),
    source: params.get('source') || undefined,
    entity: params.get('entity') || undefined,
    from: isoOrUndefined(params.get('from')),
    to: isoOrUndefined(params.get('to')),
    minScore: scoreOrUndefined(params.get('minScore')),
    maxScore: scoreOrUndefined(params.get('maxScore')),
  };
}

const dayOf = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
const isoOfDay = (day: string) => (day ? new Date(`${day}T00:00:00Z`).toISOString() : undefined);

export function FiltersBar(props: { filter: TriageFilter; onChange: (filter: TriageFilter) => void }) {
  const { t } = useTranslation();
  const facets = useFacets().data;
  const { filter } = props;
  const set = (change: Partial<TriageFilter>) => props.onChange({ ...filter, ...change });

  return (
    <div className="triage-filters">
      <fieldset className="filters">
        <legend>{t('triage.filters.legend')}</legend>
        <label>
          {t('triage.filters.status')}
          <select
            name="status"
            value={filter.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || undefined) as FlagStatus | undefined })}
          >
            <option value="">{t('triage.filters.any')}</option>
            {flagStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('triage.filters.reason')}
          <select
            name="reason"
            value={filter.reason ?? ''}
            onChange={(e) => set({ reason: (e.target.value || undefined) as FlagReason | undefined })}
          >
            <option value="">{t('triage.filters.any')}</option>
            {flagReasons.map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('triage.filters.lang')}
          <select
            name="lang"
            value={filter.lang ?? ''}
            onChange={(e) => set({ lang: e.target.value || undefined })}
          >
            <option value="">{t('triage.filters.any')}</option>
            {articleLanguages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('triage.filters.source')}
          <select
            name="source"
            value={filter.source ?? ''}
            onChange={(e) => set({ source: e.target.value || undefined })}
          >
            <option value="">{t('triage.filters.any')}</option>
            {facets?.sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('triage.filters.entity')}
          <select
            name="entity"
            value={filter.entity ?? ''}
            onChange={(e) => set({ entity: e.target.value || undefined })}
          >
            <option value="">{t('triage.filters.any')}</option>
            {facets?.entities.map((e) => (
              <option key={`${e.id}-${e.kind}`} value={e.id}>
                {e.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('triage.filters.from')}
          <input
            type="date"
            name="from"
            value={dayOf(filter.from)}
            onChange={(e) => set({ from: isoOfDay(e.target.value) })}
          />
        </label>
        <label>
          {t('triage.filters.to')}
          <input
            type="date"
            name="to"
            value={dayOf(filter.to)}
            onChange={(e) => set({ to: isoOfDay(e.target.value) })}
          />
        </label>
        <label>
          {t('triage.filters.minScore')}
          <input
            type="number"
            name="minScore"
            min={0}
            max={1}
            step={0.05}
            value={filter.minScore ?? ''}
            onChange={(e) => set({ minScore: scoreOrUndefined(e.target.value) })}
          />
        </label>
        <label>
          {t('triage.filters.maxScore')}
          <input
            type="number"
            name="maxScore"
            min={0}
            max={1}
            step={0.05}
            value={filter.maxScore ?? ''}
            onChange={(e) => set({ maxScore: scoreOrUndefined(e.target.value) })}
          />
        </label>
        <button type="button" onClick={() => props.onChange({ status: 'suggested' })}>
          {t('triage.filters.reset')}
        </button>
      </fieldset>
      <SavedFilters filter={filter} onChoose={props.onChange} />
    </div>
  );
}

function SavedFilters(props: { filter: TriageFilter; onChoose: (filter: TriageFilter) => void }) {
  const { t } = useTranslation();
  const saved = useSavedFilters().data ?? [];
  const save = useSaveFilter();
  const remove = useDeleteFilter();
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');

  return (
    <fieldset className="filters saved-filters">
      <legend>{t('triage.saved.legend')}</legend>
      <label>
        {t('triage.saved.choose')}
        <select
          name="saved-filter"
          value={chosen}
          onChange={(e) => {
            setChosen(e.target.value);
            const found = saved.find((f) => f.id === e.target.value);
            if (found) props.onChoose(found.filter);
          }}
        >
          <option value="">{saved.length === 0 ? t('triage.saved.none') : '—'}</option>
          {saved.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!chosen}
        onClick={() => remove.mutate(chosen, { onSuccess: () => setChosen('') })}
      >
        {t('triage.saved.remove')}
      </button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim())
            save.mutate({ name: name.trim(), filter: props.filter }, { onSuccess: () => setName('') });
        }}
      >
        <label>
          {t('triage.saved.name')}
          <input
            name="saved-filter-name"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" disabled={save.isPending}>
          {t('triage.saved.save')}
        </button>
        {save.isError && <span role="alert">{t('triage.saved.saveFailed')}</span>}
      </form>
    </fieldset>
  );
}
