import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * Streams a JSONL file (gzipped when it starts with the gzip magic bytes) through `run`, a few lines
 * at a time, and writes one output line per input line in input order. A line that is not JSON still
 * gets its output line (from `onBadLine`): the contract is one output per input, whatever the input.
 */
export async function mapJsonLines<Out>(options: {
  inPath: string;
  outPath: string;
  concurrency: number;
  run(record: Record<string, unknown>): Promise<Out>;
  onBadLine(reason: string): Out;
  onProgress?(done: number): void;
}): Promise<{ lines: number }> {
  const head = readFileSync(options.inPath).subarray(0, 2);
  const raw: Readable = createReadStream(options.inPath);
  const input = head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const out = createWriteStream(options.outPath);
  const window: Promise<Out>[] = [];
  let lines = 0;

  const flushOne = async () => {
    const result = await window.shift()!;
    if (!out.write(`${JSON.stringify(result)}\n`)) await once(out, 'drain');
    lines++;
    options.onProgress?.(lines);
  };

  for await (const line of reader) {
    let record: Record<string, unknown> | undefined;
    try {
      const parsed = JSON.parse(line) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        record = parsed as Record<string, unknown>;
    } catch {
      record = undefined;
    }
    window.push(
      record
        ? options.run(record)
        : Promise.resolve(options.onBadLine(line.trim() === '' ? 'empty line' : 'not a JSON object')),
    );
    if (window.length >= options.concurrency) await flushOne();
  }
  while (window.length > 0) await flushOne();
  out.end();
  await once(out, 'finish');
  return { lines };
}
