import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@claimwatch/shared/config';
import { renderConfigDocs } from '@claimwatch/shared/config/docs';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

export function registerConfigDocs(program: Command, context: CliContext): void {
  program
    .command('config-docs')
    .description('Regenerate docs/configuration.md from the configuration schemas')
    .action(() => {
      writeFileSync(path.join(repoRoot, 'docs/configuration.md'), renderConfigDocs());
      context.out('wrote docs/configuration.md');
    });
}
