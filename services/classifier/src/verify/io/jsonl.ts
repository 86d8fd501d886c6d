import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { AppError } from '@claimwatch/shared/errors';
import type { z } from 'zod';

/** Reads a JSON-lines file (blank lines skipped); a bad line names its file and number. */
export async function readJsonlFile<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>[]> {
  const rows: z.infer<S>[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNumber++;
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new AppError('input_invalid', `${file}:${lineNumber}: not JSON`);
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new AppError(
        'input_invalid',
        `${file}:${lineNumber}: ${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'}`,
      );
    }
    rows.push(result.data);
  }
  return rows;
}

export async function writeJsonlFile(file: string, rows: Iterable<unknown>): Promise<void> {
  const out = createWriteStream(file, 'utf8');
  const done = new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.once('finish', () => resolve());
  });
  for (const row of rows)
    if (!out.write(`${JSON.stringify(row)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  out.end();
  await done;
}
