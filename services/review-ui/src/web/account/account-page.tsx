import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment, TotpStatus } from '../../auth/account.schemas.ts';
import { callApi } from '../api/api-client.ts';
import { csrfTokenOf } from '../auth/session.ts';

/** The person's own second factor: enrol with a QR code (or the secret), confirm with a code, disable. */
export function AccountPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['account', 'totp'],
    queryFn: ({ signal }) => callApi<TotpStatus>('GET', '/api/account/totp', { signal }),
  });
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const csrf = () => csrfTokenOf(queryClient);
  const done = (next: TotpStatus) => {
    queryClient.setQueryData(['account', 'totp'], next);
    setEnrolment(null);
    setCode('');
  };
  const start = useMutation({
    mutationFn: () => callApi<TotpEnrolment>('POST', '/api/account/totp', { csrfToken: csrf() }),
    onSuccess: setEnrolment,
  });
  const confirm = useMutation({
    mutationFn: () =>
      callApi<TotpStatus>('POST', '/api/account/totp/confirm', { body: { code }, csrfToken: csrf() }),
    onSuccess: done,
  });
  const disable = useMutation({
    mutationFn: () =>
      callApi<TotpStatus>('POST', '/api/account/totp/disable', { body: { code }, csrfToken: csrf() }),
    onSuccess: done,
  });
  const error = start.error ?? confirm.error ?? disable.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (status.data?.enabled) disable.mutate();
    else confirm.mutate();
  };
  const codeForm = (label: string) => (
    <form onSubmit={submit}>
      <label>
        {t('account.code')}{' '}
        <input
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          required
          value={code}
          onChange={(e) => setCode(e.target.value.trim())}
        />
      </label>{' '}
      <button type="submit">{label}</button>
    </form>
  );
  return (
    <section className="panel">
      <h1>{t('account.title')}</h1>
      <h2>{t('account.totp.title')}</h2>
      <p>{status.data?.enabled ? t('account.totp.on') : t('account.totp.off')}</p>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {status.data && !status.data.enabled && !enrolment && (
        <button type="button" onClick={() => start.mutate()}>
          {t('account.totp.start')}
        </button>
      )}
      {enrolment && (
        <div>
          <p>{t('account.totp.scan')}</p>
          <img src={enrolment.qrDataUrl} alt={t('account.totp.qrAlt')} width={200} height={200} />
          <p>
            {t('account.totp.secret')} <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          {codeForm(t('account.totp.confirm'))}
        </div>
      )}
      {status.data?.enabled && codeForm(t('account.totp.disable'))}
    </section>
  );
}
