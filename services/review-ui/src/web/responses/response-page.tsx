import { type VerdictLabel, verdictLabels } from '@claimwatch/shared/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isHttpUrl } from '../../responses/citation-rules.ts';
import { ApiRequestError } from '../api/api-client.ts';
import { useSession } from '../auth/session.ts';
import { formatDateTime } from '../i18n/format.ts';
import { type DraftCitation, draftCitationsOf, sameCitations, toSaved } from './citation-draft.ts';
import { CitationsEditor } from './citations-editor.tsx';
import {
  type ResponseDetail,
  useCitationCheck,
  useResponse,
  useResponseAction,
  useResponseVersions,
} from './response-queries.ts';

type Draft = { textVi: string; textEn: string; verdictLabel: VerdictLabel; citations: DraftCitation[] };
const draftOf = (r: ResponseDetail): Draft => ({
  textVi: r.textVi,
  textEn: r.textEn,
  verdictLabel: r.verdictLabel,
  citations: draftCitationsOf(r.citations),
});

export function ResponsePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const response = useResponse(id);
  if (response.isPending) return <p>{t('common.loading')}</p>;
  if (response.isError) return <p className="error">{t('respond.loadFailed')}</p>;
  return <ResponseEditor key={`${response.data.id}-${response.data.version}`} response={response.data} />;
}

function ResponseEditor({ response }: { response: ResponseDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const me = useSession().data?.user;
  const action = useResponseAction(response.id);
  const versions = useResponseVersions(response.id);
  const check = useCitationCheck(response.id, response.version);
  const [draft, setDraft] = useState<Draft>(() => draftOf(response));
  useEffect(() => setDraft(draftOf(response)), [response]);

  const roles = me?.roles ?? [];
  const canDraft = roles.includes('writer') || roles.includes('manager');
  const canReview = roles.includes('manager');
  const editable = canDraft && response.status !== 'published';
  // Adding, removing and moving citations: only while the response is a draft or in review. An approved
  // response's sources are what the approver checked; a text edit sends it back to draft first.
  const restructurable = editable && (response.status === 'draft' || response.status === 'in_review');
  const citationsDirty = !sameCitations(draft.citations, response.citations);
  const dirty =
    draft.textVi !== response.textVi ||
    draft.textEn !== response.textEn ||
    draft.verdictLabel !== response.verdictLabel ||
    citationsDirty;
  const limit = response.lengthLimit;

  const save = () =>
    action.mutate({
      kind: 'save',
      body: {
        version: response.version,
        textVi: draft.textVi,
        textEn: draft.textEn,
        verdictLabel: draft.verdictLabel,
        citations: toSaved(draft.citations),
      },
    });

  const saveFailure = (kind: string | undefined, error: Error) =>
    kind !== 'save' || !(error instanceof ApiRequestError)
      ? null
      : error.code === 'conflict'
        ? t('respond.error.saveConflict', { message: error.message })
        : error.code === 'validation_failed'
          ? t('respond.error.saveInvalid', { message: error.message })
          : null;

  const exportHref = (format: 'md' | 'html' | 'jsonld', lang: 'vi' | 'en') =>
    `/api/responses/${response.id}/export?format=${format}&lang=${lang}`;

  return (
    <section className="panel response-editor">
      <h1>
        {t(`respond.template.${response.template}`)}{' '}
        <span className="badge" data-testid="response-status">
          {t(`respond.status.${response.status}`)}
        </span>
      </h1>
      <p className="muted">
        {t('respond.meta', {
          version: response.version,
          author: response.createdBy?.displayName ?? '—',
          updated: formatDateTime(response.updatedAt, language),
        })}
        {response.approvedBy &&
          ` · ${t('respond.approvedBy', { name: response.approvedBy.displayName, version: response.approvedVersion })}`}
      </p>

      <h2>{t('respond.claims')}</h2>
      <ul>
        {response.claims.map((c) => (
          <li key={c.flagId}>
            “{c.claimText}” —{' '}
            {isHttpUrl(c.documentUrl) ? (
              <a href={c.documentUrl} rel="noopener noreferrer" target="_blank">
                {c.documentTitle ?? c.documentUrl}
              </a>
            ) : (
              c.documentTitle
            )}
          </li>
        ))}
      </ul>

      {response.alignment && (
        <p className="warning" role="status" data-testid="alignment-warning">
          {t(`respond.alignment.${response.alignment.since}`, {
            changed: t(`language.${response.alignment.changedSide}`),
            stale: t(`language.${response.alignment.staleSide}`),
          })}
        </p>
      )}

      <label>
        {t('respond.field.verdict')}{' '}
        <select
          name="verdict"
          disabled={!editable}
          value={draft.verdictLabel}
          onChange={(e) => setDraft({ ...draft, verdictLabel: e.target.value as VerdictLabel })}
        >
          {verdictLabels.map((v) => (
            <option key={v} value={v}>
              {t(`respond.verdict.${v}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="response-texts">
        {(['textVi', 'textEn'] as const).map((field) => (
          <label key={field}>
            {t(field === 'textVi' ? 'respond.field.textVi' : 'respond.field.textEn')}
            <textarea
              name={field}
              rows={14}
              readOnly={!editable}
              value={draft[field]}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            />
            {limit !== null && (
              <span className={[...draft[field]].length > limit ? 'error' : 'muted'}>
                {t('respond.length', { count: [...draft[field]].length, limit })}
              </span>
            )}
          </label>
        ))}
      </div>

      <h2>{t('respond.citations')}</h2>
      <CitationsEditor
        citations={draft.citations}
        onChange={(citations) => setDraft({ ...draft, citations })}
        editable={editable}
        restructurable={restructurable}
        problems={citationsDirty ? undefined : check.data?.problems}
      />
      <div data-testid="citation-check">
        {citationsDirty && (
          <p className="muted" role="status">
            {t('respond.cite.unsaved')}
          </p>
        )}
        {!citationsDirty && check.data?.ok && <p className="ok">{t('respond.check.ok')}</p>}
        {!citationsDirty && check.data && !check.data.ok && (
          <ul className="error">
            {check.data.problems.map((p) => (
              <li key={`${p.position}-${p.code}`}>
                {p.position === null ? '' : `#${p.position + 1}: `}
                {t(`respond.check.${p.code}`)}
              </li>
            ))}
          </ul>
        )}
      </div>

      {action.isError && (
        <p className="error" role="alert" data-testid="action-error">
          {saveFailure(action.variables?.kind, action.error) ?? action.error.message}
        </p>
      )}
      <div className="actions">
        {editable && (
          <button type="button" disabled={!dirty || action.isPending} onClick={save}>
            {t('respond.action.save')}
          </button>
        )}
        {canDraft && response.status === 'draft' && (
          <button
            type="button"
            disabled={dirty || action.isPending}
            onClick={() => action.mutate({ kind: 'submit' })}
          >
            {t('respond.action.submit')}
          </button>
        )}
        {canReview && response.status === 'in_review' && (
          <button
            type="button"
            disabled={dirty || action.isPending || response.createdBy?.id === me?.id}
            title={response.createdBy?.id === me?.id ? t('respond.ownResponse') : undefined}
            onClick={() => action.mutate({ kind: 'approve' })}
          >
            {t('respond.action.approve')}
          </button>
        )}
        {canReview && response.status === 'approved' && (
          <button
            type="button"
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: 'publish' })}
          >
            {t('respond.action.publish')}
          </button>
        )}
      </div>

      {(response.status === 'approved' || response.status === 'published') && canDraft && (
        <div className="exports">
          <h2>{t('respond.export.title')}</h2>
          {(['vi', 'en'] as const).map((lang) => (
            <p key={lang}>
              {t(`language.${lang}`)}:{' '}
              <a href={exportHref('md', lang)} download data-testid={`export-md-${lang}`}>
                Markdown
              </a>{' '}
              ·{' '}
              <a href={exportHref('html', lang)} download data-testid={`export-html-${lang}`}>
                HTML
              </a>{' '}
              ·{' '}
              <a href={exportHref('jsonld', lang)} download data-testid={`export-jsonld-${lang}`}>
                ClaimReview JSON-LD
              </a>
            </p>
          ))}
          <p className="muted">{t('respond.export.note')}</p>
        </div>
      )}

      <h2>{t('respond.history')}</h2>
      <ol className="versions" data-testid="versions">
        {versions.data?.items.map((v) => (
          <li key={v.version}>
            <details>
              <summary>
                {t('respond.versionLine', {
                  version: v.version,
                  name: v.changedBy?.displayName ?? '—',
                  at: formatDateTime(v.changedAt, language),
                })}
              </summary>
              <pre>{v.textVi}</pre>
              <pre>{v.textEn}</pre>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
