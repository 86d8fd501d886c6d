import { findModel, loadEmbedder, trainCheckworthiness } from '@claimwatch/classifier';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';

export function registerTrain(program: Command, context: CliContext): void {
  program
    .command('train <task>')
    .description(
      'Train a model the project owns (task: checkworthiness). Reproducible: the same data gives the same revision.',
    )
    .option(
      '--data <name>',
      'claims-vi-en (the project’s own set; committed built-in model), checkthat or checkthat+claims-vi-en (local only)',
      'claims-vi-en',
    )
    .option(
      '--out <dir>',
      'output directory (default: built-in models for claims-vi-en, else the models directory)',
    )
    .option('--id <id>', 'model id')
    .option('--embedding <id>', 'train a head on this installed embedding model instead of hashed n-grams')
    .action(async (task: string, o: { data: string; out?: string; id?: string; embedding?: string }) => {
      if (task !== 'checkworthiness') throw new Error(`Unknown task ${task}; known: checkworthiness`);
      if (o.data !== 'claims-vi-en' && o.data !== 'checkthat' && o.data !== 'checkthat+claims-vi-en')
        throw new Error('--data must be claims-vi-en, checkthat or checkthat+claims-vi-en');
      const config = context.config();
      const dirs = { modelsDir: config.paths.modelsDir };
      const embeddingId = o.embedding ?? config.classifier.embeddingModel;
      const embedder = embeddingId
        ? await loadEmbedder(findModel(dirs, embeddingId), {
            modelsDir: dirs.modelsDir,
            batchSize: config.classifier.modelBatchSize,
          })
        : undefined;
      const report = await trainCheckworthiness({
        data: o.data,
        sharedDataDir: config.evaluation.sharedDataDir,
        modelsDir: dirs.modelsDir,
        ...(o.out ? { outDir: o.out } : {}),
        ...(o.id ? { id: o.id } : {}),
        ...(embedder ? { embedder } : {}),
        log: (line) => context.err(line),
      });
      context.out(`${report.manifest.id}@${report.manifest.revision}\t${report.dir}`);
    });
}
