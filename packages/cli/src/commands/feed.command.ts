import { createFeedBatchParser } from '@claimwatch/crawler';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { mapJsonLines } from '../jsonl-batch.ts';

/** `claimwatch feed --in FILE.jsonl[.gz] --out FILE.jsonl`: the feed parser on fixture lines, offline. */
export function registerFeed(program: Command, context: CliContext): void {
  program
    .command('feed')
    .description(
      'Parse feeds from JSON lines {"id","content"|"content_base64"} (no Redis or database needed)',
    )
    .requiredOption('--in <file>', 'input JSONL, optionally gzipped')
    .requiredOption('--out <file>', 'output JSONL: {"id","title","items","error"} per input line')
    .option('--timeout-ms <ms>', 'time allowed per feed', '10000')
    .option('--workers <n>', 'worker threads', '2')
    .action(async (o) => {
      const parser = createFeedBatchParser({ workers: Number(o.workers), timeoutMs: Number(o.timeoutMs) });
      try {
        const { lines } = await mapJsonLines({
          inPath: o.in,
          outPath: o.out,
          concurrency: Number(o.workers) * 4,
          run: (record) => parser.run(record),
          onBadLine: (reason) => ({ id: null, title: null, items: [], error: `input_invalid: ${reason}` }),
        });
        context.err(`feed: ${lines} lines → ${o.out}`);
      } finally {
        await parser.close();
      }
    });
}
