import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';

/** A line of an evaluation input: its parsed row, or why it could not be read (and its id, if it had one). */
export type JsonlLine<T> = { ok: true; row: T } | { ok: false; id: string | null; error: string };

/**
 * Reads every non-blank line of a JSON-lines file without stopping at bad ones: the evaluation commands
 * answer a bad line with an `error` line in its place, so one broken record loses nothing else.
 */
export async function readJsonlLines<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<JsonlLine<z.infer<S>>[]> {
  const lines: JsonlLine<z.infer<S>>[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNumber++;
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      lines.push({ ok: false, id: null, error: `line ${lineNumber}: not JSON` });
      continue;
    }
    const result = schema.safeParse(parsed);
    if (result.success) {
      lines.push({ ok: true, row: result.data });
      continue;
    }
    const rawId = (parsed as { id?: unknown } | null)?.id;
    const issue = result.error.issues[0];
    lines.push({
      ok: false,
      id: typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null,
      error: `line ${lineNumber}: ${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'}`,
    });
  }
  return lines;
}

export async function writeJsonl(file: string, rows: Iterable<unknown>): Promise<void> {
  const out = createWriteStream(file, 'utf8');
  for (const row of rows)
    if (!out.write(`${JSON.stringify(row)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}
