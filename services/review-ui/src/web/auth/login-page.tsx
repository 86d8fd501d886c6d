import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiRequestError } from '../api/api-client.ts';
import { LanguageSwitcher } from '../layout/language-switcher.tsx';
import { forgetUserData, useLogIn, useSession } from './session.ts';

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Only paths inside the app: never an absolute URL that would send the person elsewhere.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/flags';
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const logIn = useLogIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const queryClient = useQueryClient();

  // Whoever arrives here (signed out, session expired) leaves nothing of theirs in the cache.
  useEffect(() => forgetUserData(queryClient), [queryClient]);

  if (session.data?.user) return <Navigate to={returnPath(location.state)} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    logIn.mutate(
      { email, password },
      {
        onSuccess: () => navigate(returnPath(location.state), { replace: true }),
        onError: () => setPassword(''),
      },
    );
  };

  const error = logIn.error;
  const errorMessage = !error
    ? undefined
    : error instanceof ApiRequestError && error.code === 'unauthenticated'
      ? t('login.refused')
      : error instanceof ApiRequestError && error.code === 'rate_limited'
        ? t('login.rateLimited')
        : t('login.failed');

  return (
    <main className="login">
      <div className="login-card">
        <div className="login-top">
          <h1>{t('app.name')}</h1>
          <LanguageSwitcher />
        </div>
        <p className="muted">{t('app.tagline')}</p>
        <h2>{t('login.title')}</h2>
        <p>{t('login.intro')}</p>
        <form onSubmit={onSubmit} className="login-form">
          <label>
            {t('login.email')}
            <input
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label>
            {t('login.password')}
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {errorMessage && (
            <p className="error" role="alert">
              {errorMessage}
            </p>
          )}
          <button type="submit" disabled={logIn.isPending}>
            {logIn.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
