import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useLogOut, useSession } from '../auth/session.ts';
import { DigestNav } from '../digest/digest-routes.tsx';
import { setLanguage, storedLanguage } from '../i18n/i18n.ts';
import { RespondNav } from '../responses/respond-routes.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

export function AppShell() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const logOut = useLogOut();
  const navigate = useNavigate();

  // The account's language applies until the person picks one in this browser.
  useEffect(() => {
    if (user && !storedLanguage()) void setLanguage(user.locale, { remember: false });
  }, [user]);

  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">{t('app.name')}</span>
        <nav>
          <NavLink to="/flags">{t('shell.nav.flags')}</NavLink>
          <NavLink to="/triage">{t('triage.nav')}</NavLink>
          <RespondNav />
          <DigestNav />
        </nav>
        <div className="shell-user">
          {user && (
            <span>
              {t('shell.signedInAs', { name: user.displayName })}{' '}
              <span className="muted">({user.roles.map((r) => t(`roles.${r}`)).join(', ')})</span>
            </span>
          )}
          <LanguageSwitcher />
          <button
            type="button"
            disabled={logOut.isPending}
            onClick={() =>
              logOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })
            }
          >
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <main className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
