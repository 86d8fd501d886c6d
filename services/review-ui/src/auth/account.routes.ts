import { type Db, recordAuditEvent } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import { errorResponses } from '../http/api-error.ts';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { TotpCodeBody, TotpEnrolment, TotpStatus } from './account.schemas.ts';
import { acceptTotp, newTotpSecret, openTotpSecret, sealTotpSecret, totpQrDataUrl, totpUri } from './totp.ts';

/** Codes are six digits: guessing through these routes is limited like login. */
const CODE_ATTEMPTS = { max: 10, timeWindow: 60_000 };

/** The signed-in person's own second factor: enrol (secret + QR), confirm with a first code, disable. */
export function registerAccountRoutes(api: Api, deps: ApiDeps): void {
  const access = { resource: 'account', action: 'manage' } as const;
  const errors = errorResponses(
    'validation_failed',
    'unauthenticated',
    'forbidden',
    'conflict',
    'rate_limited',
  );
  const audit = (db: Db, userId: string, action: string, enabled: boolean) =>
    recordAuditEvent(db, {
      actorUserId: userId,
      action,
      entityType: 'user',
      entityId: userId,
      before: { totpEnabled: !enabled },
      after: { totpEnabled: enabled },
    });

  api.route({
    method: 'GET',
    url: '/account/totp',
    config: { access },
    schema: {
      tags: ['account'],
      summary: 'Whether the second factor is on',
      response: { 200: TotpStatus, ...errors },
    },
    handler: async (request) => {
      const user = request.auth!.user;
      return { enabled: !!user.totp_enabled_at, pending: !user.totp_enabled_at && !!user.totp_secret };
    },
  });

  api.route({
    method: 'POST',
    url: '/account/totp',
    config: { access },
    schema: {
      tags: ['account'],
      summary:
        'Starts enrolment: a new secret and its QR code (login asks for codes only after confirmation)',
      response: { 200: TotpEnrolment, ...errors },
    },
    handler: async (request) => {
      const user = request.auth!.user;
      if (user.totp_enabled_at)
        throw new AppError('conflict', 'The second factor is already on; disable it first');
      const secret = newTotpSecret();
      await deps.db
        .updateTable('users')
        .set({ totp_secret: sealTotpSecret(secret, deps.totpKey) })
        .where('id', '=', user.id)
        .execute();
      const uri = totpUri(secret, user.email);
      return { secret, uri, qrDataUrl: await totpQrDataUrl(uri) };
    },
  });

  api.route({
    method: 'POST',
    url: '/account/totp/confirm',
    config: { access, rateLimit: CODE_ATTEMPTS },
    schema: {
      tags: ['account'],
      summary: 'Confirms enrolment with a first valid code; from then on login asks for a code',
      body: TotpCodeBody,
      response: { 200: TotpStatus, ...errors },
    },
    handler: async (request) => {
      const user = request.auth!.user;
      if (user.totp_enabled_at) throw new AppError('conflict', 'The second factor is already on');
      if (!user.totp_secret) throw new AppError('conflict', 'Start the enrolment first');
      const step = acceptTotp(
        openTotpSecret(user.totp_secret, deps.totpKey),
        request.body.code,
        deps.now(),
        null,
      );
      if (step === null) throw new AppError('validation_failed', 'code: the code is wrong or expired');
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_enabled_at: deps.now(), totp_last_step: step })
          .where('id', '=', user.id)
          .execute();
        await audit(trx, user.id, 'user.totp_enabled', true);
      });
      return { enabled: true, pending: false };
    },
  });

  api.route({
    method: 'POST',
    url: '/account/totp/disable',
    config: { access, rateLimit: CODE_ATTEMPTS },
    schema: {
      tags: ['account'],
      summary: 'Turns the second factor off (needs a current code)',
      body: TotpCodeBody,
      response: { 200: TotpStatus, ...errors },
    },
    handler: async (request) => {
      const user = request.auth!.user;
      if (!user.totp_enabled_at || !user.totp_secret)
        throw new AppError('conflict', 'The second factor is off');
      if (
        acceptTotp(
          openTotpSecret(user.totp_secret, deps.totpKey),
          request.body.code,
          deps.now(),
          user.totp_last_step,
        ) === null
      )
        throw new AppError('validation_failed', 'code: the code is wrong or expired');
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_enabled_at: null, totp_secret: null, totp_last_step: null })
          .where('id', '=', user.id)
          .execute();
        await audit(trx, user.id, 'user.totp_disabled', false);
      });
      return { enabled: false, pending: false };
    },
  });
}
