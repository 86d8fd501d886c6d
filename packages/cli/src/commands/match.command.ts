import path from 'node:path';
import { loadMatchModels, matchJsonl } from '@claimwatch/classifier';
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
    .requiredOption(
      '--queries <file>',
      'queries, lines {"id","text","lang"?} (lang: ISO 639-1; identified when missing)',
    )
    .requiredOption('--out <file>', 'results, lines {"query_id","results":[{"id","score"}]} best first')
    .option('--k <n>', 'results per query', '5')
    .option('--no-rerank', 'first stage only, even when a trained re-ranker is installed')
    .option(
      '--embedding <id>',
      'sentence-embedding model for queries in its languages (default: CLASSIFIER_EMBEDDING_MODEL, else the one the re-ranker was trained with); without a re-ranker trained on it, its ranking is fused with the lexical one',
    )
    .option('--no-dense', 'no sentence-embedding model, even when the re-ranker was trained with one')
    .action(async (o) => {
      const k = Number(o.k);
      if (!Number.isInteger(k) || k < 1) throw new Error('--k must be a positive integer');
      const config = context.config();
      const { installed, ranker, embedding, denseRanker, notes } = await loadMatchModels({
        modelsDir: config.paths.modelsDir,
        batchSize: config.classifier.modelBatchSize,
        rerank: o.rerank,
        dense: o.dense,
        embeddingId: o.embedding ?? config.classifier.embeddingModel,
        cacheDir: path.join(config.paths.dataDir, 'cache', 'embeddings'),
      });
      for (const note of notes) context.err(note);
      const embedder = embedding?.embedder;
      const started = Date.now();
      const counts = await matchJsonl({
        indexFile: o.index,
        queriesFile: o.queries,
        outFile: o.out,
        k,
        ranker,
        embedding,
        denseRanker,
      });
      context.err(
        `${counts.queries} queries matched against ${counts.references} references in ${Date.now() - started} ms` +
          (counts.errors > 0 ? `, ${counts.errors} unreadable query lines answered with errors` : '') +
          (installed
            ? ` (re-ranker ${installed.id}@${installed.revision})`
            : ' (first stage only: run `pnpm eval:match` to train the re-ranker)') +
          (embedder
            ? `, ${denseRanker ? 're-ranked with' : 'fused with'} ${embedder.model.id}@${embedder.model.revision}`
            : ''),
      );
    });
}
