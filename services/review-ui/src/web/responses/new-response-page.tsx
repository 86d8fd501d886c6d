import {
  type ResponseTemplate,
  responseTemplates,
  type VerdictLabel,
  verdictLabels,
} from '@claimwatch/shared/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useFlagPage } from '../review/flag-queries.ts';
import { useCreateResponse } from './response-queries.ts';

/** Pick the flags (the one in ?flag= is preselected), a template and optionally a verdict. */
export function NewResponsePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const flags = useFlagPage({ limit: 100, offset: 0 });
  const create = useCreateResponse();
  const [selected, setSelected] = useState<string[]>(() => params.getAll('flag'));
  const [template, setTemplate] = useState<ResponseTemplate>('official_statement');
  const [verdict, setVerdict] = useState<VerdictLabel | ''>('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { flagIds: selected, template, ...(verdict ? { verdictLabel: verdict } : {}) },
      { onSuccess: (detail) => navigate(`/responses/${detail.id}`) },
    );
  };
  const toggle = (id: string) =>
    setSelected((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]));

  return (
    <section className="panel">
      <h1>{t('respond.new.title')}</h1>
      <form onSubmit={onSubmit}>
        <fieldset>
          <legend>{t('respond.new.flags')}</legend>
          {flags.isPending && <p>{t('common.loading')}</p>}
          {flags.data?.items.map((f) => (
            <label key={f.id} className="check-row" data-testid="flag-choice">
              <input type="checkbox" checked={selected.includes(f.id)} onChange={() => toggle(f.id)} />{' '}
              {f.claimText} <span className="muted">({f.document.title ?? f.document.url})</span>
            </label>
          ))}
        </fieldset>
        <label>
          {t('respond.field.template')}{' '}
          <select
            name="template"
            value={template}
            onChange={(e) => setTemplate(e.target.value as ResponseTemplate)}
          >
            {responseTemplates.map((x) => (
              <option key={x} value={x}>
                {t(`respond.template.${x}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('respond.field.verdict')}{' '}
          <select
            name="verdict"
            value={verdict}
            onChange={(e) => setVerdict(e.target.value as VerdictLabel | '')}
          >
            <option value="">{t('respond.new.verdictFromFlag')}</option>
            {verdictLabels.map((v) => (
              <option key={v} value={v}>
                {t(`respond.verdict.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">{t('respond.new.prefillNote')}</p>
        {create.isError && (
          <p className="error" role="alert">
            {create.error.message}
          </p>
        )}
        <button type="submit" disabled={selected.length === 0 || create.isPending}>
          {t('respond.new.create')}
        </button>
      </form>
    </section>
  );
}
