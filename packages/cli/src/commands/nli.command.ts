import { loadNli, nliJsonl } from '@claimwatch/classifier';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

export function registerNli(program: Command, context: CliContext): void {
  program
    .command('nli')
    .description(
      'Natural-language inference: {"id","premise","hypothesis"} lines → {"id","label":"entailment"|"neutral"|"contradiction","scores"} lines',
    )
    .requiredOption('--in <file>', 'input JSON lines')
    .requiredOption('--out <file>', 'output JSON lines')
    .option('--model <id>', 'installed NLI model (default: CLASSIFIER_NLI_MODEL, else the lexical fallback)')
    .action(async (o: { in: string; out: string; model?: string }) => {
      const config = context.config();
      const nli = await loadNli(config.paths.modelsDir, o.model ?? config.classifier.nliModel);
      const { pairs } = await nliJsonl(o.in, o.out, nli);
      context.err(`${pairs} pairs (${nli.model.id}@${nli.model.revision})`);
    });
}
