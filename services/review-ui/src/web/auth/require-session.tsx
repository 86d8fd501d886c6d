import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session.ts';

/** Screens behind it need a signed-in user; others are sent to /login and brought back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <p className="status-line">{t('common.loading')}</p>;
  if (session.isError)
    return (
      <p className="status-line" role="alert">
        {t('login.failed')}{' '}
        <button type="button" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      </p>
    );
  if (!session.data.user)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
