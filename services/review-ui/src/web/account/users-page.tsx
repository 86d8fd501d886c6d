import { type Role, roles } from '@claimwatch/shared/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagedUser } from '../../auth/account.schemas.ts';
import { callApi } from '../api/api-client.ts';
import { csrfTokenOf, useSession } from '../auth/session.ts';
import { formatDateTime } from '../i18n/format.ts';

const usersKey = ['users'] as const;

/** Admins: create accounts, change roles, disable or enable, lift a lockout. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const me = useSession().data?.user;
  const users = useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => callApi<{ items: ManagedUser[] }>('GET', '/api/users', { signal }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: usersKey });
  const change = useMutation({
    mutationFn: (c: { id: string; body?: { roles?: Role[]; disabled?: boolean }; unlock?: boolean }) =>
      c.unlock
        ? callApi<ManagedUser>('POST', `/api/users/${c.id}/unlock`, { csrfToken: csrfTokenOf(queryClient) })
        : callApi<ManagedUser>('PATCH', `/api/users/${c.id}`, {
            body: c.body,
            csrfToken: csrfTokenOf(queryClient),
          }),
    onSuccess: refresh,
  });
  const [form, setForm] = useState({
    email: '',
    displayName: '',
    password: '',
    roles: ['monitor'] as Role[],
  });
  const create = useMutation({
    mutationFn: () =>
      callApi<ManagedUser>('POST', '/api/users', { body: form, csrfToken: csrfTokenOf(queryClient) }),
    onSuccess: () => {
      setForm({ email: '', displayName: '', password: '', roles: ['monitor'] });
      void refresh();
    },
  });
  const error = change.error ?? create.error;
  const toggle = (list: Role[], role: Role) =>
    list.includes(role) ? list.filter((r) => r !== role) : [...list, role];
  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const language = i18n.resolvedLanguage ?? 'vi';

  return (
    <section>
      <h1>{t('users.title')}</h1>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <table className="flag-table">
        <thead>
          <tr>
            <th>{t('users.name')}</th>
            <th>{t('users.roles')}</th>
            <th>{t('users.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((u) => (
            <tr key={u.id} data-testid="user-row">
              <td>
                {u.displayName}
                <br />
                <span className="muted">{u.email}</span>
              </td>
              <td>
                {roles.map((role) => (
                  <label key={role} className="role-choice">
                    <input
                      type="checkbox"
                      checked={u.roles.includes(role)}
                      disabled={change.isPending || (u.id === me?.id && role === 'admin')}
                      onChange={() => {
                        const next = toggle(u.roles, role);
                        if (next.length > 0) change.mutate({ id: u.id, body: { roles: next } });
                      }}
                    />{' '}
                    {t(`roles.${role}`)}
                  </label>
                ))}
              </td>
              <td>
                {u.disabled
                  ? t('users.disabled')
                  : u.lockedUntil && new Date(u.lockedUntil) > new Date()
                    ? t('users.lockedUntil', { at: formatDateTime(u.lockedUntil, language) })
                    : t('users.active')}
                {u.totpEnabled && ` · ${t('users.totp')}`}
              </td>
              <td>
                {u.id !== me?.id && (
                  <button
                    type="button"
                    onClick={() => change.mutate({ id: u.id, body: { disabled: !u.disabled } })}
                  >
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </button>
                )}{' '}
                {(u.failedLoginCount > 0 || u.lockedUntil) && (
                  <button type="button" onClick={() => change.mutate({ id: u.id, unlock: true })}>
                    {t('users.unlock')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel" onSubmit={onCreate}>
        <h2>{t('users.create')}</h2>
        {(['email', 'displayName', 'password'] as const).map((field) => (
          <label key={field}>
            {t(`users.field.${field}`)}{' '}
            <input
              name={field}
              type={field === 'password' ? 'password' : field === 'email' ? 'email' : 'text'}
              autoComplete={field === 'password' ? 'new-password' : 'off'}
              required
              value={form[field]}
              onChange={(e) => setForm({ ...form, [field]: e.target.value })}
            />
          </label>
        ))}
        <div>
          {roles.map((role) => (
            <label key={role} className="role-choice">
              <input
                type="checkbox"
                checked={form.roles.includes(role)}
                onChange={() => setForm({ ...form, roles: toggle(form.roles, role) })}
              />{' '}
              {t(`roles.${role}`)}
            </label>
          ))}
        </div>
        <button type="submit" disabled={create.isPending || form.roles.length === 0}>
          {t('users.create')}
        </button>
      </form>
    </section>
  );
}
