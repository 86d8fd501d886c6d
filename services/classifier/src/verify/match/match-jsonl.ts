import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { defaultGazetteer } from '../../detect/gazetteer/load-gazetteer.ts';
import { identifyLanguage } from '../../detect/identify-language.ts';
import type { Embedder } from '../../models/transformers-runtime.ts';
import { readJsonlFile, writeJsonlFile } from '../io/jsonl.ts';
import { denseTop, embedReferences, fuseRankings } from './dense-fusion.ts';
import type { Ranker } from './linear-ranker.ts';
import { createMatcher, DEFAULT_DEPTH } from './match-references.ts';

const PhrasingLine = z.union([
  z.string().transform((text) => ({ text, source: undefined })),
  z.object({ text: z.string(), source: z.union([z.string(), z.number()]).transform(String).optional() }),
]);

/**
 * `{"id","text","title"?,"phrasings"?}`; CLEF's `vclaim` is accepted for `text`. `phrasings` are wordings
 * people confirmed as the same claim (strings, or `{"text","source"}` where `source` is the id of the query
 * that was confirmed: that query then does not find its own confirmation).
 */
const ReferenceLine = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    text: z.string().optional(),
    vclaim: z.string().optional(),
    title: z.string().nullish(),
    phrasings: z.array(PhrasingLine).optional(),
  })
  .refine((r) => r.text !== undefined || r.vclaim !== undefined, 'needs "text"')
  .transform((r) => ({
    id: r.id,
    text: (r.text ?? r.vclaim)!,
    title: r.title ?? undefined,
    phrasings: r.phrasings,
  }));

const QueryLine = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  lang: z.string().optional(),
});
type Query = z.infer<typeof QueryLine>;

export type MatchJsonlOptions = {
  indexFile: string;
  queriesFile: string;
  outFile: string;
  k: number;
  ranker?: Ranker | undefined;
  /** A sentence-embedding model, used for queries in its languages (a line's `lang`, else identified). */
  embedding?: DenseModel | undefined;
  /**
   * A ranker trained on `embedding`'s features (installed-ranker.ts): it re-ranks those queries. Without it,
   * the model's ranking is fused with the lexical one (reciprocal rank fusion).
   */
  denseRanker?: Ranker | undefined;
};

export type DenseModel = {
  embedder: Embedder;
  /** The languages the model was made for; empty: any. */
  languages: readonly string[];
};

type QueryRead = Query | { error: string; id: string | null; line: number };

/** Every non-empty query line, in order; a line that is not JSON or lacks id/text becomes an error entry. */
async function readQueryLines(file: string): Promise<QueryRead[]> {
  const out: QueryRead[] = [];
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      out.push({ error: `line ${line}: not JSON`, id: null, line });
      continue;
    }
    const result = QueryLine.safeParse(parsed);
    if (result.success) out.push(result.data);
    else {
      const id = (parsed as { id?: unknown } | null)?.id;
      const issue = result.error.issues[0];
      out.push({
        error: `line ${line}: ${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'}`,
        id: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
        line,
      });
    }
  }
  return out;
}

/**
 * `claimwatch match`: no Redis, no database; output lines `{"query_id","results":[{"id","score"}]}` in query
 * order. A query line that cannot be read is answered with `{"query_id","line","error"}` (query_id null when
 * the line has no usable id) instead of stopping the run; a bad reference line stops it (the index would be
 * incomplete). Queries in the embedding model's languages get its scores: re-ranked by `denseRanker` when
 * there is one, else fused with the lexical ranking; the others are ranked lexically.
 */
export async function matchJsonl(
  o: MatchJsonlOptions,
): Promise<{ references: number; queries: number; errors: number }> {
  const references = await readJsonlFile(o.indexFile, ReferenceLine);
  const queries = await readQueryLines(o.queriesFile);
  const readable = queries.filter((q): q is Query => !('error' in q));
  const vectorOf = o.embedding
    ? await embedCoveredQueries(o.embedding, readable)
    : new Map<Query, Float32Array>();
  const dense = o.embedding ? await embedReferences(references, o.embedding.embedder) : undefined;
  const gazetteer = defaultGazetteer();
  const matcher = createMatcher(references, {
    ranker: o.ranker,
    findEntities: (t) => gazetteer.find(t),
    dense: dense && o.denseRanker ? { index: dense, ranker: o.denseRanker } : undefined,
  });
  const rank = (q: Query) => {
    const vector = vectorOf.get(q);
    if (!dense || !vector || o.denseRanker) {
      return matcher
        .match(q.text, o.k, { excludeSource: q.id, vector })
        .map((m) => ({ id: m.id, score: m.score }));
    }
    const lexical = matcher.match(q.text, Math.max(o.k, DEFAULT_DEPTH), { excludeSource: q.id });
    const denseIds = denseTop(dense, vector, DEFAULT_DEPTH).map((d) => references[d.doc]!.id);
    return fuseRankings([lexical.map((m) => m.id), denseIds]).slice(0, o.k);
  };
  let errors = 0;
  await writeJsonlFile(
    o.outFile,
    queries.map((q) => {
      if ('error' in q) {
        errors++;
        return { query_id: q.id, line: q.line, error: q.error };
      }
      return {
        query_id: q.id,
        results: rank(q).map((m) => ({ id: m.id, score: Number(m.score.toFixed(6)) })),
      };
    }),
  );
  return { references: references.length, queries: queries.length - errors, errors };
}

/** Vectors of the queries in the model's languages (a line's `lang`, else the identified language). */
async function embedCoveredQueries(
  model: DenseModel,
  queries: readonly Query[],
): Promise<Map<Query, Float32Array>> {
  const covered: Query[] = [];
  for (const q of queries) {
    if (model.languages.length === 0) covered.push(q);
    else if (model.languages.includes(q.lang ?? (await identifyLanguage(q.text)).lang)) covered.push(q);
  }
  const vectors = await model.embedder.embed(covered.map((q) => q.text));
  return new Map(covered.map((q, i) => [q, vectors[i]!]));
}
