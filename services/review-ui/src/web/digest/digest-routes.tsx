import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route } from 'react-router';
import { useSession } from '../auth/session.ts';

// The managers' screens (and their charting library) load on first visit, so the triage screens that
// people spend their day in start with a smaller bundle.
const DigestPage = lazy(() => import('./digest-page.tsx').then((m) => ({ default: m.DigestPage })));
const OverviewPage = lazy(() => import('./overview-page.tsx').then((m) => ({ default: m.OverviewPage })));
const SourceHealthPage = lazy(() =>
  import('./source-health-page.tsx').then((m) => ({ default: m.SourceHealthPage })),
);

const loading = (page: ReactNode) => <Suspense fallback={<p className="muted">…</p>}>{page}</Suspense>;

/** The digest's screens, mounted inside the signed-in shell by app.tsx. */
export const digestRoutes = (
  <>
    <Route path="/digest" element={loading(<DigestPage />)} />
    <Route path="/digest/:week" element={loading(<DigestPage />)} />
    <Route path="/overview" element={loading(<OverviewPage />)} />
    <Route path="/sources/health" element={loading(<SourceHealthPage />)} />
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
