import { matchJsonl, readInstalledRanker } from '@claimwatch/classifier';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

export function registerMatch(program: Command, context: CliContext): void {
  program
    .command('match')
    .description('Match claims to references from JSON-lines files (no Redis, no database)')
    .requiredOption(
      '--index <file>',
      'references, lines {"id","text","title"?,"phrasings"?} (CLEF "vclaim" accepted; phrasings: confirmed wordings, strings or {"text","source"})',
    )
    .requiredOption('--queries <file>', 'queries, lines {"id","text"}')
    .requiredOption('--out <file>', 'results, lines {"query_id","results":[{"id","score"}]} best first')
    .option('--k <n>', 'results per query', '5')
    .option('--no-rerank', 'first stage only, even when a trained re-ranker is installed')
    .action(async (o) => {
      const k = Number(o.k);
      if (!Number.isInteger(k) || k < 1) throw new Error('--k must be a positive integer');
      const installed = o.rerank ? readInstalledRanker(context.config().paths.modelsDir) : undefined;
      const started = Date.now();
      const counts = await matchJsonl({
        indexFile: o.index,
        queriesFile: o.queries,
        outFile: o.out,
        k,
        ranker: installed?.ranker,
      });
      context.err(
        `${counts.queries} queries matched against ${counts.references} references in ${Date.now() - started} ms` +
          (counts.errors > 0 ? `, ${counts.errors} unreadable query lines answered with errors` : '') +
          (installed
            ? ` (re-ranker ${installed.id}@${installed.revision})`
            : ' (first stage only: run `pnpm eval:match` to train the re-ranker)'),
      );
    });
}
