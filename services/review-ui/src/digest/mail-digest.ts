import type { DigestConfig, SmtpConfig } from '@claimwatch/shared/config';
import { type Db, markDigestDelivered } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import nodemailer from 'nodemailer';
import type { StoredDigestView } from './digest.types.ts';
import { renderDigestCsv } from './digest-csv.ts';
import { type DigestLocale, digestStrings, fill, renderDigestHtml } from './digest-html.ts';

export type Recipient = { email: string; locale: DigestLocale };

/** The configured addresses (in Vietnamese), or else every enabled manager in their account's language. */
export async function digestRecipients(db: Db, configured: string[] | undefined): Promise<Recipient[]> {
  if (configured && configured.length > 0) return configured.map((email) => ({ email, locale: 'vi' }));
  const managers = await db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('is_disabled', '=', false)
    .where((eb) => eb(eb.val('manager'), '=', eb.fn.any('roles')))
    .orderBy('email')
    .execute();
  return managers.map((m) => ({ email: m.email, locale: m.locale === 'en' ? 'en' : 'vi' }));
}

/**
 * Mails one digest to each recipient in their language: the digest as HTML (links into the UI) and its
 * tables as a CSV attachment. Records who received it.
 */
export async function mailDigest(
  db: Db,
  digest: StoredDigestView,
  options: { smtp: SmtpConfig | undefined; recipients: Recipient[]; publicUrl: string; now: Date },
): Promise<{ sent: string[] }> {
  if (!options.smtp)
    throw new AppError('validation_failed', 'SMTP_HOST is not set: the digest cannot be mailed');
  if (options.recipients.length === 0) return { sent: [] };
  const transport = nodemailer.createTransport({
    host: options.smtp.host,
    port: options.smtp.port,
    secure: options.smtp.secure,
    ...(options.smtp.user ? { auth: { user: options.smtp.user, pass: options.smtp.password ?? '' } } : {}),
  });
  const sent: string[] = [];
  try {
    for (const r of options.recipients) {
      const t = digestStrings(r.locale);
      await transport.sendMail({
        from: options.smtp.from,
        to: r.email,
        subject: fill(t.email.subject, { week: digest.week }),
        html: renderDigestHtml(digest.data, r.locale, options.publicUrl.replace(/\/$/, '')),
        attachments: [
          {
            filename: `claimwatch-digest-${digest.week}-${r.locale}.csv`,
            content: renderDigestCsv(digest.data, r.locale),
            contentType: 'text/csv; charset=utf-8',
          },
        ],
      });
      sent.push(r.email);
    }
  } finally {
    transport.close();
  }
  await markDigestDelivered(db, digest.week, sent, options.now);
  return { sent };
}

export type DigestServiceConfig = Pick<
  DigestConfig,
  'timezone' | 'slaTriageHours' | 'slaResponseHours' | 'recipients' | 'smtp' | 'schedule'
>;
