import { classifyFiles, defaultGazetteer, loadActiveModels } from '@claimwatch/classifier';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

export function registerClassify(program: Command, context: CliContext): void {
  program
    .command('classify')
    .description(
      'Detection + verification + flagging without Redis or a database: {"id","text","title"?,"url"?,"lang"?,"publishedAt"?} lines → {"id","lang","flags":[…]} lines (flags are suggestions)',
    )
    .requiredOption('--in <file>', 'input JSON lines')
    .requiredOption('--out <file>', 'output JSON lines')
    .option('--facts <file>', 'verified facts (import layout; default: the starter set)')
    .option('--narratives <file>', 'known narratives (import layout; default: the starter set)')
    .action(async (o: { in: string; out: string; facts?: string; narratives?: string }) => {
      const config = context.config();
      const models = await loadActiveModels(config.classifier, { modelsDir: config.paths.modelsDir });
      const result = await classifyFiles({
        inFile: o.in,
        outFile: o.out,
        models,
        gazetteer: defaultGazetteer(),
        modelsDir: config.paths.modelsDir,
        factsFile: o.facts,
        narrativesFile: o.narratives,
      });
      context.err(
        `${result.documents} documents, ${result.flags} flags (${[models.modelSet, ...result.models.map((m) => `${m.id}@${m.revision}`)].join(', ')})`,
      );
    });
}
