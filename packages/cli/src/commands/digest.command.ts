import { buildWeeklyDigest, digestRecipients, lastCompleteWeek, mailDigest } from '@claimwatch/review-ui';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { withDatabase } from '../runtime.ts';

export function registerDigest(program: Command, context: CliContext): void {
  const digest = program.command('digest').description('The weekly digest for managers');
  digest
    .command('build')
    .description('Build (or rebuild) the digest of an ISO week; --send mails it to the managers')
    .option('--week <week>', 'ISO week such as 2026-W47 (default: the last complete week)')
    .option('--send', 'mail it to DIGEST_RECIPIENTS or every manager (needs SMTP_HOST)', false)
    .action(async (o: { week?: string; send: boolean }) => {
      const config = context.config();
      const now = new Date();
      const week = o.week ?? lastCompleteWeek(now, config.digest.timezone);
      await withDatabase(config, async ({ db }) => {
        const built = await buildWeeklyDigest(db, week, config.digest, now);
        const { totals } = built.data.volume;
        context.out(
          `digest ${built.week}: ${totals.crawled.current} articles, ${totals.flagged.current} flags, ` +
            `${built.data.team.triaged} triaged (built ${built.builtAt})`,
        );
        if (o.send) {
          const recipients = await digestRecipients(db, config.digest.recipients);
          const { sent } = await mailDigest(db, built, {
            smtp: config.digest.smtp,
            recipients,
            publicUrl: config.reviewUi.publicUrl,
            now,
          });
          context.out(`mailed to ${sent.length} recipient(s)`);
        }
      });
    });
}
