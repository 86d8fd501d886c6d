import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { detectDocument } from '../detect/detect-document.ts';
import type { Gazetteer } from '../detect/gazetteer/gazetteer.ts';
import type { ActiveModels } from '../models/active-models.ts';
import { readJsonl, writeJsonl } from './jsonl-files.ts';

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

/** `claimwatch detect`: document lines → detection lines, in input order. */
export async function detectJsonl(
  inFile: string,
  outFile: string,
  gazetteer: Gazetteer,
  models: ActiveModels,
): Promise<{ documents: number; claims: number }> {
  const rows = await readJsonl(inFile, DetectInput);
  const out: DetectOutput[] = [];
  for (const row of rows) {
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
  return { documents: out.length, claims: out.reduce((n, o) => n + o.claims.length, 0) };
}
