import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { detectDocument } from '../detect/detect-document.ts';
import type { Gazetteer } from '../detect/gazetteer/gazetteer.ts';
import type { ActiveModels } from '../models/active-models.ts';
import { readJsonlLines, writeJsonl } from './jsonl-files.ts';

export const DetectInput = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  lang: z.string().nullish(),
});

/** One output line of `claimwatch detect`: a stable interface, runs without Redis or a database. */
export type DetectOutput = {
  id: string;
  lang: string | null;
  relevance: number;
  claims: {
    start: number;
    end: number;
    text: string;
    checkworthiness: number;
    type: string;
    entities: unknown[];
    dates: unknown[];
    quantities: unknown[];
  }[];
  models: { id: string; revision: string }[];
};

/**
 * `claimwatch detect`: document lines → detection lines, in input order; a line that cannot be read is
 * answered by `{id,error}` in its place.
 */
export async function detectJsonl(
  inFile: string,
  outFile: string,
  gazetteer: Gazetteer,
  models: ActiveModels,
): Promise<{ documents: number; claims: number; errors: number }> {
  const lines = await readJsonlLines(inFile, DetectInput);
  const out: (DetectOutput | { id: string | null; error: string })[] = [];
  for (const line of lines) {
    if (!line.ok) {
      out.push({ id: line.id, error: line.error });
      continue;
    }
    const row = line.row;
    const d = await detectDocument(
      gazetteer,
      { documentId: randomUUID(), text: row.text, title: row.title ?? null, declaredLang: row.lang ?? null },
      models,
    );
    out.push({
      id: row.id,
      lang: d.lang,
      relevance: d.relevance,
      claims: d.claims.map((c) => ({
        start: c.start,
        end: c.end,
        text: c.text,
        checkworthiness: c.checkworthiness,
        type: c.type,
        entities: c.entities,
        dates: c.dates,
        quantities: c.quantities,
      })),
      models: d.models,
    });
  }
  await writeJsonl(outFile, out);
  return {
    documents: out.length,
    claims: out.reduce((n, o) => n + ('claims' in o ? o.claims.length : 0), 0),
    errors: out.filter((o) => 'error' in o).length,
  };
}
