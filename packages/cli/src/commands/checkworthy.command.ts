import {
  checkworthyJsonl,
  chooseCheckworthinessModel,
  findModel,
  loadCheckworthinessScorer,
} from '@claimwatch/classifier';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

export function registerCheckworthy(program: Command, context: CliContext): void {
  program
    .command('checkworthy')
    .description(
      'Score sentences for check-worthiness: {"id","text","lang"?} lines → {"id","score","label"} lines',
    )
    .requiredOption('--in <file>', 'input JSON lines')
    .requiredOption('--out <file>', 'output JSON lines')
    .option('--model <id>', 'check-worthiness model id (default: the configured one)')
    .action(async (o: { in: string; out: string; model?: string }) => {
      const config = context.config();
      const dirs = { modelsDir: config.paths.modelsDir };
      const installed = o.model
        ? findModel(dirs, o.model)
        : chooseCheckworthinessModel(config.classifier, dirs);
      const scorer = await loadCheckworthinessScorer(installed, dirs, {
        batchSize: config.classifier.modelBatchSize,
      });
      const { count, yes, errors } = await checkworthyJsonl(o.in, o.out, scorer);
      context.err(
        `${count} sentences scored by ${scorer.model.id}@${scorer.model.revision}: ${yes} Yes` +
          (errors ? `; ${errors} unreadable line(s) answered with an error` : ''),
      );
    });
}
