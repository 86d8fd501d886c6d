import { findModel, loadEmbedder, matchJsonl, readInstalledRanker } from '@claimwatch/classifier';
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
    .option(
      '--embedding <id>',
      'installed sentence-embedding model whose ranking is fused with the lexical one (default: CLASSIFIER_EMBEDDING_MODEL)',
    )
    .action(async (o) => {
      const k = Number(o.k);
      if (!Number.isInteger(k) || k < 1) throw new Error('--k must be a positive integer');
      const config = context.config();
      const installed = o.rerank ? readInstalledRanker(config.paths.modelsDir) : undefined;
      const embeddingId: string | undefined = o.embedding ?? config.classifier.embeddingModel;
      const embedder = embeddingId
        ? await loadEmbedder(findModel({ modelsDir: config.paths.modelsDir }, embeddingId), {
            modelsDir: config.paths.modelsDir,
            batchSize: config.classifier.modelBatchSize,
          })
        : undefined;
      const started = Date.now();
      const counts = await matchJsonl({
        indexFile: o.index,
        queriesFile: o.queries,
        outFile: o.out,
        k,
        ranker: installed?.ranker,
        embedder,
      });
      context.err(
        `${counts.queries} queries matched against ${counts.references} references in ${Date.now() - started} ms` +
          (counts.errors > 0 ? `, ${counts.errors} unreadable query lines answered with errors` : '') +
          (installed
            ? ` (re-ranker ${installed.id}@${installed.revision})`
            : ' (first stage only: run `pnpm eval:match` to train the re-ranker)') +
          (embedder ? `, fused with ${embedder.model.id}@${embedder.model.revision}` : ''),
      );
    });
}
