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
  const [totpCode, setTotpCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const queryClient = useQueryClient();

  // Whoever arrives here (signed out, session expired) leaves nothing of theirs in the cache.
  useEffect(() => forgetUserData(queryClient), [queryClient]);

  if (session.data?.user) return <Navigate to={returnPath(location.state)} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    logIn.mutate(
      { email, password, ...(needsCode && totpCode ? { totpCode } : {}) },
      {
        onSuccess: () => navigate(returnPath(location.state), { replace: true }),
        onError: (e) => {
          // The password was right: keep it and ask for the second factor.
          if (e instanceof ApiRequestError && e.code === 'totp_required') setNeedsCode(true);
          else setPassword('');
          setTotpCode('');
        },
      },
    );
  };

  const error = logIn.error;
  const errorMessage = !error
    ? undefined
    : error instanceof ApiRequestError && error.code === 'totp_required'
      ? t('loginTotp.needed')
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
          {needsCode && (
            <label>
              {t('loginTotp.label')}
              <input
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\d{6}"
                required
                value={totpCode}
                onChange={(e) => setTotpCode(e.target.value.trim())}
              />
            </label>
          )}
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
