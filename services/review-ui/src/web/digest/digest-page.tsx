import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiRequestError } from '../api/api-client.ts';
import { useSession } from '../auth/session.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useBuildDigest, useDigest, useDigestList } from './digest-queries.ts';
import { DigestView } from './digest-view.tsx';

/** /digest/:week — a stored weekly digest, its exports, and (for managers) building it on demand. */
export function DigestPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const params = useParams();
  const navigate = useNavigate();
  const list = useDigestList();
  const week = params.week ?? list.data?.lastCompleteWeek;
  const digest = useDigest(week);
  const build = useBuildDigest();
  const roles = useSession().data?.user?.roles ?? [];
  const canBuild = roles.includes('manager') || roles.includes('admin');
  const [typed, setTyped] = useState('');
  const notBuilt = digest.error instanceof ApiRequestError && digest.error.code === 'not_found';

  const show = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{4}-W\d{2}$/.test(typed.trim())) navigate(`/digest/${typed.trim()}`);
  };

  return (
    <section>
      <h1>{t('digest.title', { week: week ?? '…' })}</h1>
      <form className="filters digest-toolbar" onSubmit={show}>
        <label>
          {t('digest.week')}
          <input
            name="week"
            placeholder={week ?? '2026-W47'}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <button type="submit">{t('digest.show')}</button>
        {week && canBuild && (
          <button
            type="button"
            data-testid="digest-build"
            disabled={build.isPending}
            onClick={() => build.mutate(week)}
          >
            {build.isPending ? t('digest.building') : t('digest.build')}
          </button>
        )}
        {week && digest.data && (
          <span className="downloads">
            <a
              href={`/api/digests/${week}/export.pdf?locale=${language}`}
              download
              data-testid="download-pdf"
            >
              {t('digest.download.pdf')}
            </a>{' '}
            <a
              href={`/api/digests/${week}/export.csv?locale=${language}`}
              download
              data-testid="download-csv"
            >
              {t('digest.download.csv')}
            </a>{' '}
            <a href={`/api/digests/${week}/export.json`} download data-testid="download-json">
              {t('digest.download.json')}
            </a>
          </span>
        )}
      </form>
      {digest.isPending && week && <p className="status-line">{t('common.loading')}</p>}
      {notBuilt && <p className="status-line">{t('digest.notBuilt')}</p>}
      {digest.isError && !notBuilt && (
        <p className="status-line error" role="alert">
          {t('digest.loadFailed')}
        </p>
      )}
      {digest.data && (
        <>
          <p className="muted">
            {t('digest.builtAt', { date: formatDateTime(digest.data.builtAt, language) })}
          </p>
          <DigestView data={digest.data.data} />
        </>
      )}
    </section>
  );
}
