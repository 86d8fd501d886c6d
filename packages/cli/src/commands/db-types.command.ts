import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@claimwatch/shared/config';
import { migrateToLatest, openPglite, renderSchemaTypes } from '@claimwatch/shared/db';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

export function registerDbTypes(program: Command, context: CliContext): void {
  program
    .command('db-types')
    .description('Regenerate packages/shared/src/db/generated/schema.ts from the migrations')
    .action(async () => {
      const database = await openPglite({});
      try {
        await migrateToLatest(database.db);
        const file = path.join(repoRoot, 'packages/shared/src/db/generated/schema.ts');
        writeFileSync(file, await renderSchemaTypes(database.db));
        context.out(`wrote ${path.relative(repoRoot, file)}`);
      } finally {
        await database.close();
      }
    });
}
