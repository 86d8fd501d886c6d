import { z } from 'zod';
import { type Env, envBoolean, envInt, envPort, parseEnv } from './env.ts';

const emailList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.email({ message: 'expected comma-separated e-mail addresses' })));

export const digestEnv = z.object({
  DIGEST_TIMEZONE: z
    .string()
    .default('Asia/Ho_Chi_Minh')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'expected an IANA time zone such as Asia/Ho_Chi_Minh')
    .describe('Time zone of the digest week (ISO week: Monday 00:00 to the next Monday 00:00).'),
  DIGEST_SCHEDULE: z
    .string()
    .default('0 0 * * 1')
    .describe('Cron pattern (in DIGEST_TIMEZONE) of the job that builds and mails the last complete week.'),
  DIGEST_SLA_TRIAGE_HOURS: envInt(24, 1, 24 * 30).describe(
    'Service level: hours from a flag being raised to a person deciding it.',
  ),
  DIGEST_SLA_RESPONSE_HOURS: envInt(72, 1, 24 * 60).describe(
    'Service level: hours from the first flag a response answers to the response being published.',
  ),
  DIGEST_RECIPIENTS: emailList
    .optional()
    .describe(
      'Who receives the digest (comma-separated). Unset: every enabled account with the manager role.',
    ),
  SMTP_HOST: z
    .string()
    .optional()
    .describe('SMTP server for the digest e-mail. Unset: the digest is not mailed.'),
  SMTP_PORT: envPort(587).describe('SMTP port.'),
  SMTP_SECURE: envBoolean(false).describe(
    'Connect with TLS from the start (port 465); otherwise STARTTLS when offered.',
  ),
  SMTP_USER: z.string().optional().describe('SMTP user name (unset: no authentication).'),
  SMTP_PASSWORD: z.string().optional().describe('SMTP password.'),
  SMTP_FROM: z
    .string()
    .default('ClaimWatch <digest@claimwatch.invalid>')
    .describe('Sender of the digest e-mail.'),
});

export type SmtpConfig = {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
};

export type DigestConfig = {
  timezone: string;
  schedule: string;
  slaTriageHours: number;
  slaResponseHours: number;
  recipients: string[] | undefined;
  smtp: SmtpConfig | undefined;
};

export function loadDigestConfig(env: Env): DigestConfig {
  const v = parseEnv('digest', digestEnv, env);
  return {
    timezone: v.DIGEST_TIMEZONE,
    schedule: v.DIGEST_SCHEDULE,
    slaTriageHours: v.DIGEST_SLA_TRIAGE_HOURS,
    slaResponseHours: v.DIGEST_SLA_RESPONSE_HOURS,
    recipients: v.DIGEST_RECIPIENTS,
    smtp: v.SMTP_HOST
      ? {
          host: v.SMTP_HOST,
          port: v.SMTP_PORT,
          secure: v.SMTP_SECURE,
          user: v.SMTP_USER,
          password: v.SMTP_PASSWORD,
          from: v.SMTP_FROM,
        }
      : undefined,
  };
}
