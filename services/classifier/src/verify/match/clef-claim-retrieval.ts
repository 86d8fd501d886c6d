import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonlFile } from '../io/jsonl.ts';
import { type LinearRanker, type RankingGroup, scoreLinear, trainLinearRanker } from './linear-ranker.ts';
import { computeFeatures, FEATURE_NAMES } from './rank-features.ts';
import { type Qrels, type RankingRun, type RankingScores, scoreRanking } from './ranking-metrics.ts';
import {
  analyseQuery,
  buildReferenceIndex,
  type Reference,
  type ReferenceIndex,
  retrieveCandidates,
} from './reference-index.ts';

/** CLEF-2020 CheckThat! task 2 (tweets → Snopes claims), read from the shared development data. */
export const CLEF_DIR = 'clef2020-checkthat-task2-claim-retrieval-en';

export type ClefSplit = { queries: { id: string; text: string }[]; qrels: Qrels };

const VClaim = z.object({ id: z.string(), vclaim: z.string(), title: z.string().optional() });
const Query = z.object({ id: z.string(), text: z.string() });
const Qrel = z.object({ query_id: z.string(), vclaim_id: z.string(), relevance: z.number() });

export function clefDir(sharedDataDir: string): string {
  return path.join(sharedDataDir, CLEF_DIR);
}

export function hasClef(sharedDataDir: string): boolean {
  return existsSync(path.join(clefDir(sharedDataDir), 'vclaims.jsonl'));
}

export async function readClefReferences(sharedDataDir: string): Promise<Reference[]> {
  const rows = await readJsonlFile(path.join(clefDir(sharedDataDir), 'vclaims.jsonl'), VClaim);
  return rows.map((r) => ({ id: r.id, text: r.vclaim, title: r.title }));
}

export async function readClefSplit(sharedDataDir: string, split: 'train' | 'dev'): Promise<ClefSplit> {
  const dir = clefDir(sharedDataDir);
  const queries = await readJsonlFile(path.join(dir, `queries.${split}.jsonl`), Query);
  const qrels: Qrels = new Map();
  for (const r of await readJsonlFile(path.join(dir, `qrels.${split}.jsonl`), Qrel)) {
    if (r.relevance <= 0) continue;
    if (!qrels.has(r.query_id)) qrels.set(r.query_id, new Set());
    qrels.get(r.query_id)!.add(r.vclaim_id);
  }
  return { queries, qrels };
}

export type RankedQuery = { id: string; docs: number[]; rows: Float64Array[]; relevant: boolean[] };

/** First-stage candidates and their features for every query of a split. */
export function rankCandidates(index: ReferenceIndex, split: ClefSplit, depth: number): RankedQuery[] {
  const scratch = new Float32Array(index.references.length);
  return split.queries.map((q) => {
    const analysed = analyseQuery(index, q.text);
    const candidates = retrieveCandidates(index, analysed, depth, scratch);
    const relevant = split.qrels.get(q.id) ?? new Set<string>();
    return {
      id: q.id,
      docs: candidates.docs,
      rows: computeFeatures(index, analysed, candidates),
      relevant: candidates.docs.map((d) => relevant.has(index.references[d]!.id)),
    };
  });
}

export function runOf(index: ReferenceIndex, ranked: RankedQuery[], ranker: LinearRanker | null): RankingRun {
  return new Map(
    ranked.map((q) => {
      const scores = q.rows.map((row, i) => (ranker ? scoreLinear(ranker, row) : -i));
      const order = q.docs.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
      return [q.id, order.map((i) => index.references[q.docs[i]!]!.id)];
    }),
  );
}

export type ClefEvaluation = {
  depth: number;
  l2: number;
  ranker: LinearRanker;
  firstStage: Record<'train' | 'dev', RankingScores>;
  reranked: Record<'train' | 'dev', RankingScores>;
};

/**
 * Trains the re-ranker on the official train queries and reports both stages on train and dev. The L2
 * strength is fixed in advance (no per-item or per-query tuning); dev is only measured.
 */
export async function trainAndEvaluateClef(
  sharedDataDir: string,
  options: { depth?: number; l2?: number } = {},
): Promise<ClefEvaluation> {
  const depth = options.depth ?? 50;
  const l2 = options.l2 ?? 1e-2;
  const index = buildReferenceIndex(await readClefReferences(sharedDataDir));
  const train = rankCandidates(index, await readClefSplit(sharedDataDir, 'train'), depth);
  const devSplit = await readClefSplit(sharedDataDir, 'dev');
  const trainSplit = await readClefSplit(sharedDataDir, 'train');
  const dev = rankCandidates(index, devSplit, depth);
  const groups: RankingGroup[] = train.map((q) => ({ rows: q.rows, relevant: q.relevant }));
  const ranker = trainLinearRanker(FEATURE_NAMES, groups, { l2 });
  return {
    depth,
    l2,
    ranker,
    firstStage: {
      train: scoreRanking(runOf(index, train, null), trainSplit.qrels),
      dev: scoreRanking(runOf(index, dev, null), devSplit.qrels),
    },
    reranked: {
      train: scoreRanking(runOf(index, train, ranker), trainSplit.qrels),
      dev: scoreRanking(runOf(index, dev, ranker), devSplit.qrels),
    },
  };
}
