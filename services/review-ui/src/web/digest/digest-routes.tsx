import { useTranslation } from 'react-i18next';
import { NavLink, Route } from 'react-router';
import { useSession } from '../auth/session.ts';
import { DigestPage } from './digest-page.tsx';
import { OverviewPage } from './overview-page.tsx';
import { SourceHealthPage } from './source-health-page.tsx';

/** The digest's screens, mounted inside the signed-in shell by app.tsx. */
export const digestRoutes = (
  <>
    <Route path="/digest" element={<DigestPage />} />
    <Route path="/digest/:week" element={<DigestPage />} />
    <Route path="/overview" element={<OverviewPage />} />
    <Route path="/sources/health" element={<SourceHealthPage />} />
  </>
);

export function DigestNav() {
  const { t } = useTranslation();
  const roles = useSession().data?.user?.roles ?? [];
  return (
    <>
      <NavLink to="/overview">{t('digest.nav.overview')}</NavLink>
      {(roles.includes('manager') || roles.includes('admin')) && (
        <NavLink to="/digest">{t('digest.nav.digest')}</NavLink>
      )}
      <NavLink to="/sources/health">{t('digest.nav.sources')}</NavLink>
    </>
  );
}
