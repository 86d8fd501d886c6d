import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from './auth/login-page.tsx';
import { RequireSession } from './auth/require-session.tsx';
import { digestRoutes } from './digest/digest-routes.tsx';
import { AppShell } from './layout/app-shell.tsx';
import { respondRoutes } from './responses/respond-routes.tsx';
import { FlagDetailPage } from './review/flag-detail-page.tsx';
import { FlagListPage } from './review/flag-list-page.tsx';
import { TriageItemPage } from './triage/triage-item-page.tsx';
import { TriagePage } from './triage/triage-page.tsx';

/** Routes mirror the flow: review now; respond and digest join here as their screens arrive. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/flags" replace />} />
        <Route path="/flags" element={<FlagListPage />} />
        <Route path="/flags/:id" element={<FlagDetailPage />} />
        <Route path="/triage" element={<TriagePage />} />
        <Route path="/triage/:id" element={<TriageItemPage />} />
        {respondRoutes()}
        {digestRoutes}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <p>{t('common.notFound')}</p>
      <Link to="/flags">{t('common.backHome')}</Link>
    </section>
  );
}
