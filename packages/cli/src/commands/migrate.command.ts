import { ensureStarterReferenceData } from '@claimwatch/classifier';
import { createMigrator } from '@claimwatch/shared/db';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { withDatabase } from '../runtime.ts';

export function registerMigrate(program: Command, context: CliContext): void {
  program
    .command('migrate')
    .description('Apply database migrations (the embedded PGlite database unless DATABASE_URL is set)')
    .action(async () => {
      await withDatabase(context.config(), async ({ db, kind }) => {
        const migrations = await createMigrator(db).getMigrations();
        context.out(
          `${kind}: ${migrations.length} migrations applied, newest ${migrations.at(-1)?.name ?? 'none'}`,
        );
        const starter = await ensureStarterReferenceData(db);
        if (starter.facts) context.out(`starter verified facts imported: ${starter.facts.created}`);
        if (starter.narratives) context.out(`starter narratives imported: ${starter.narratives.created}`);
      });
    });
}
