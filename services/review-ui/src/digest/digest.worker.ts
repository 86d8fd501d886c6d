import type { DigestConfig } from '@claimwatch/shared/config';
import type { Db } from '@claimwatch/shared/db';
import type { Logger } from '@claimwatch/shared/logging';
import { type QueuePayload, type Queues, type RunningWorkers, startWorkers } from '@claimwatch/shared/queues';
import type { Redis } from 'ioredis';
import { buildWeeklyDigest } from './build-digest.ts';
import { lastCompleteWeek } from './iso-week.ts';
import { digestRecipients, mailDigest } from './mail-digest.ts';

export type DigestJobDeps = {
  db: Db;
  config: DigestConfig;
  publicUrl: string;
  logger: Logger;
  now?: () => Date;
};

/** The job: build the named week (or the last complete one), then mail it when asked and SMTP is set. */
export async function runDigestJob(
  deps: DigestJobDeps,
  payload: QueuePayload<'digest'>,
): Promise<{ week: string; sent: string[] }> {
  const now = deps.now?.() ?? new Date();
  const week = payload.week ?? lastCompleteWeek(now, deps.config.timezone);
  const digest = await buildWeeklyDigest(deps.db, week, deps.config, now);
  if (!payload.send) return { week, sent: [] };
  // The schedule mails a week once, however often it fires (two instances, a retried job).
  if (payload.week === undefined && digest.deliveredAt !== null) {
    deps.logger.info({ week }, 'digest already mailed');
    return { week, sent: [] };
  }
  if (!deps.config.smtp) {
    deps.logger.warn({ week }, 'digest built but not mailed: SMTP_HOST is not set');
    return { week, sent: [] };
  }
  const recipients = await digestRecipients(deps.db, deps.config.recipients);
  const { sent } = await mailDigest(deps.db, digest, {
    smtp: deps.config.smtp,
    recipients,
    publicUrl: deps.publicUrl,
    now,
  });
  deps.logger.info({ week, recipients: sent.length }, 'digest mailed');
  return { week, sent };
}

export const WEEKLY_SCHEDULER_ID = 'weekly-digest';

/**
 * The review-ui service's worker (the digest queue) and the weekly repeatable job: at DIGEST_SCHEDULE in
 * DIGEST_TIMEZONE (Monday 00:00 in Hanoi by default) it builds and mails the week that just ended.
 */
export async function startDigestWorker(
  deps: DigestJobDeps & { redis: Redis; prefix: string; queues: Queues },
): Promise<RunningWorkers> {
  await deps.queues
    .queue('digest')
    .upsertJobScheduler(
      WEEKLY_SCHEDULER_ID,
      { pattern: deps.config.schedule, tz: deps.config.timezone },
      { name: 'build-digest', data: { send: true } },
    );
  return startWorkers(
    'review-ui',
    {
      digest: async (payload, context) => {
        await runDigestJob({ ...deps, logger: context.logger }, payload);
      },
    },
    { connection: deps.redis, prefix: deps.prefix, logger: deps.logger },
  );
}
