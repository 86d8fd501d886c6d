import { z } from 'zod';
import { defaultGazetteer } from '../../detect/gazetteer/load-gazetteer.ts';
import { readJsonlFile, writeJsonlFile } from '../io/jsonl.ts';
import type { LinearRanker } from './linear-ranker.ts';
import { createMatcher } from './match-references.ts';

/** `{"id","text","title"?}`; CLEF's `vclaim` is accepted for `text`. */
const ReferenceLine = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    text: z.string().optional(),
    vclaim: z.string().optional(),
    title: z.string().nullish(),
  })
  .refine((r) => r.text !== undefined || r.vclaim !== undefined, 'needs "text"')
  .transform((r) => ({ id: r.id, text: (r.text ?? r.vclaim)!, title: r.title ?? undefined }));

const QueryLine = z.object({ id: z.union([z.string(), z.number()]).transform(String), text: z.string() });

export type MatchJsonlOptions = {
  indexFile: string;
  queriesFile: string;
  outFile: string;
  k: number;
  ranker?: LinearRanker | undefined;
};

/** `claimwatch match`: no Redis, no database; output lines `{"query_id","results":[{"id","score"}]}`. */
export async function matchJsonl(o: MatchJsonlOptions): Promise<{ references: number; queries: number }> {
  const references = await readJsonlFile(o.indexFile, ReferenceLine);
  const queries = await readJsonlFile(o.queriesFile, QueryLine);
  const gazetteer = defaultGazetteer();
  const matcher = createMatcher(references, { ranker: o.ranker, findEntities: (t) => gazetteer.find(t) });
  await writeJsonlFile(
    o.outFile,
    queries.map((q) => ({
      query_id: q.id,
      results: matcher.match(q.text, o.k).map((m) => ({ id: m.id, score: Number(m.score.toFixed(6)) })),
    })),
  );
  return { references: references.length, queries: queries.length };
}
