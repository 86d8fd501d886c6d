import './respond.css';
import { useTranslation } from 'react-i18next';
import { NavLink, Route } from 'react-router';
import { AccountPage } from '../account/account-page.tsx';
import { UsersPage } from '../account/users-page.tsx';
import { AuditLogPage } from '../audit/audit-page.tsx';
import { useSession } from '../auth/session.ts';
import { NewResponsePage } from './new-response-page.tsx';
import { ResponsePage } from './response-page.tsx';
import { ResponsesListPage } from './responses-list-page.tsx';

/** The respond screens, the audit log and the account page, mounted inside the signed-in shell. */
export function respondRoutes() {
  return (
    <>
      <Route path="/responses" element={<ResponsesListPage />} />
      <Route path="/responses/new" element={<NewResponsePage />} />
      <Route path="/responses/:id" element={<ResponsePage />} />
      <Route path="/audit" element={<AuditLogPage />} />
      <Route path="/account" element={<AccountPage />} />
      <Route path="/users" element={<UsersPage />} />
    </>
  );
}

/** Navigation to those screens, by role (the API enforces the same rules). */
export function RespondNav() {
  const { t } = useTranslation();
  const roles = useSession().data?.user?.roles ?? [];
  return (
    <>
      <NavLink to="/responses">{t('respond.nav')}</NavLink>
      {(roles.includes('manager') || roles.includes('admin')) && (
        <NavLink to="/audit">{t('audit.nav')}</NavLink>
      )}
      {roles.includes('admin') && <NavLink to="/users">{t('users.nav')}</NavLink>}
      <NavLink to="/account">{t('account.nav')}</NavLink>
    </>
  );
}
