import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { countFlags } from '../start/progress.ts';
import { startSystem } from '../start/start-system.ts';

export function registerStart(program: Command, context: CliContext): void {
  program
    .command('start')
    .description('Run everything: Redis, database, demo site, crawler, classifier and review UI')
    .option('--no-demo', 'do not serve and crawl the bundled demo news site')
    .option('--log-stdout', 'write JSON logs to stdout instead of <data dir>/logs', false)
    .action(async (o: { demo: boolean; logStdout: boolean }) => {
      const config = context.config();
      context.err('ClaimWatch is starting…');
      const system = await startSystem(context.env, config, { withDemo: o.demo, logToStdout: o.logStdout });
      context.err('');
      context.err(`  Review UI:   ${system.uiUrl}`);
      if (system.demoSite) context.err(`  Demo site:   ${system.demoSite.url} (fictional content)`);
      for (const account of system.demoAccounts) {
        context.err(
          `  Login:       ${account.email}  /  ${account.password}   (${account.roles.join(', ')})`,
        );
      }
      context.err(
        `  Database:    ${config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
      );
      if (system.logFile) context.err(`  Logs:        ${system.logFile}`);
      context.err('  Stop:        Ctrl-C');
      context.err('');

      // A line when the numbers change, not every tick: an idle system stays quiet.
      let lastLine = '';
      const progress = setInterval(async () => {
        const counts = await countFlags(system).catch(() => undefined);
        if (!counts) return;
        const line = `  documents: ${counts.documents}   claims: ${counts.claims}   flags: ${counts.flags}`;
        if (line !== lastLine) context.err(line);
        lastLine = line;
      }, 10_000);

      await new Promise<void>((resolve) => {
        let stopping = false;
        const shutdown = (signal: string) => {
          if (stopping) return;
          stopping = true;
          clearInterval(progress);
          context.err(`\n${signal}: finishing running jobs and stopping…`);
          void system.stop().then(() => {
            context.err('stopped.');
            resolve();
          });
        };
        process.once('SIGINT', () => shutdown('SIGINT'));
        process.once('SIGTERM', () => shutdown('SIGTERM'));
      });
    });
}
