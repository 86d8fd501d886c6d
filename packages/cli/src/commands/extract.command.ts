import { createExtractBatch } from '@claimwatch/crawler';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { mapJsonLines } from '../jsonl-batch.ts';

/** `claimwatch extract --in FILE.jsonl[.gz] --out FILE.jsonl`: article extraction on saved pages, offline. */
export function registerExtract(program: Command, context: CliContext): void {
  program
    .command('extract')
    .description(
      'Extract articles from JSON lines {"id","url","html"|"html_base64"} (no Redis or database needed)',
    )
    .requiredOption('--in <file>', 'input JSONL, optionally gzipped')
    .requiredOption(
      '--out <file>',
      'output JSONL: {"id","title","text","lang","publishedAt","extractor","error"} per input line',
    )
    .option('--timeout-ms <ms>', 'time allowed per page', '60000')
    .option('--workers <n>', 'worker threads', '2')
    .option('--baseline', 'Readability alone, for comparison', false)
    .action(async (o) => {
      const batch = createExtractBatch({
        workers: Number(o.workers),
        timeoutMs: Number(o.timeoutMs),
        baseline: Boolean(o.baseline),
      });
      try {
        const { lines } = await mapJsonLines({
          inPath: o.in,
          outPath: o.out,
          concurrency: Number(o.workers) * 2,
          run: (record) => batch.run(record),
          onBadLine: (reason) => ({
            id: null,
            title: null,
            text: null,
            lang: null,
            publishedAt: null,
            extractor: null,
            error: `input_invalid: ${reason}`,
          }),
        });
        context.err(`extract: ${lines} lines → ${o.out}`);
      } finally {
        await batch.close();
      }
    });
}
