import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonlFile } from '../io/jsonl.ts';
import type { EntityFinder } from './analyse-text.ts';
import { type Ranker, type RankingGroup, scoreRanker, trainLinearRanker } from './linear-ranker.ts';
import { DEFAULT_DEPTH } from './match-references.ts';
import { computeFeatures, FEATURE_NAMES } from './rank-features.ts';
import { type Qrels, type RankingRun, type RankingScores, scoreRanking } from './ranking-metrics.ts';
import {
  analyseQuery,
  buildReferenceIndex,
  type Reference,
  type ReferenceIndex,
  retrieveCandidates,
} from './reference-index.ts';
import { trainTreeRanker } from './tree-ranker.ts';

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

/**
 * The references with the confirmed links of a split as phrasings: each query's text becomes a phrasing of
 * the claims it was judged to match, with the query id as its source (so that query leaves it out). This is
 * what a deployment accumulates as reviewers confirm matches.
 */
export function withConfirmedLinks(references: readonly Reference[], split: ClefSplit): Reference[] {
  const phrasings = new Map<string, { text: string; source: string }[]>();
  for (const q of split.queries)
    for (const id of split.qrels.get(q.id) ?? []) {
      if (!phrasings.has(id)) phrasings.set(id, []);
      phrasings.get(id)!.push({ text: q.text, source: q.id });
    }
  return references.map((r) => (phrasings.has(r.id) ? { ...r, phrasings: phrasings.get(r.id)! } : r));
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
    const analysed = analyseQuery(index, q.text, { excludeSource: q.id });
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

export function runOf(index: ReferenceIndex, ranked: RankedQuery[], ranker: Ranker | null): RankingRun {
  return new Map(
    ranked.map((q) => {
      const scores = q.rows.map((row, i) => (ranker ? scoreRanker(ranker, row) : -i));
      const order = q.docs.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
      return [q.id, order.map((i) => index.references[q.docs[i]!]!.id)];
    }),
  );
}

/** MAP@5 of a ranker trained on the other folds, for each query of each fold in turn (folds by position). */
export function crossValidate(
  index: ReferenceIndex,
  ranked: RankedQuery[],
  qrels: Qrels,
  train: (groups: RankingGroup[]) => Ranker,
  folds = 5,
): number {
  const runs: RankingRun = new Map();
  for (let f = 0; f < folds; f++) {
    const inFold = (_: unknown, i: number) => i % folds === f;
    const held = ranked.filter(inFold);
    const rest = ranked.filter((q, i) => !inFold(q, i));
    const ranker = train(rest.map((q) => ({ rows: q.rows, relevant: q.relevant })));
    for (const [id, list] of runOf(index, held, ranker)) runs.set(id, list);
  }
  return scoreRanking(runs, qrels)['MAP@5'];
}

/** A re-ranker setting tried by cross-validation. */
export type RankerChoice = { name: string; train: (groups: RankingGroup[]) => Ranker };

/**
 * The settings compared by 5-fold cross-validation on train: the linear model at a few L2 strengths and
 * boosted trees of a few sizes. Fixed in advance; the best cross-validated one is trained on all of train.
 */
export const RANKER_CHOICES: readonly RankerChoice[] = [
  ...[1e-3, 1e-2, 1e-1].map((l2) => ({
    name: `linear l2=${l2}`,
    train: (g: RankingGroup[]) => trainLinearRanker(FEATURE_NAMES, g, { l2 }),
  })),
  ...[{ trees: 100, depth: 3, learningRate: 0.1 }].map((o) => ({
    name: `trees n=${o.trees} depth=${o.depth} lr=${o.learningRate}`,
    train: (g: RankingGroup[]) => trainTreeRanker(FEATURE_NAMES, g, o),
  })),
];

export type ClefEvaluation = {
  depth: number;
  /** The setting chosen by cross-validation. */
  chosen: string;
  /** Cross-validated MAP@5 on train of every setting tried. */
  crossValidation: { name: string; map5: number }[];
  ranker: Ranker;
  firstStage: Record<'train' | 'dev', RankingScores>;
  reranked: Record<'train' | 'dev', RankingScores>;
};

/**
 * Trains the re-ranker on the official train queries and reports both stages on train and dev. The setting
 * (model kind, L2, tree sizes) is chosen by 5-fold cross-validation on train (MAP@5); dev is only measured,
 * once, at the end. The index is built as `claimwatch match` builds it (same gazetteer), so features agree.
 */
export async function trainAndEvaluateClef(
  sharedDataDir: string,
  options: { depth?: number; choices?: readonly RankerChoice[]; findEntities?: EntityFinder } = {},
): Promise<ClefEvaluation> {
  const depth = options.depth ?? DEFAULT_DEPTH;
  const trainSplit = await readClefSplit(sharedDataDir, 'train');
  // Train queries' confirmed links are the matcher's memory; each train query leaves its own out.
  const index = buildReferenceIndex(withConfirmedLinks(await readClefReferences(sharedDataDir), trainSplit), {
    findEntities: options.findEntities,
  });
  const train = rankCandidates(index, trainSplit, depth);
  const groups: RankingGroup[] = train.map((q) => ({ rows: q.rows, relevant: q.relevant }));
  const choices = options.choices ?? RANKER_CHOICES;
  const crossValidation = choices.map((c) => ({
    name: c.name,
    map5: crossValidate(index, train, trainSplit.qrels, c.train),
  }));
  let best = 0;
  crossValidation.forEach((c, i) => {
    if (c.map5 > crossValidation[best]!.map5) best = i;
  });
  const ranker = choices[best]!.train(groups);
  const devSplit = await readClefSplit(sharedDataDir, 'dev');
  const dev = rankCandidates(index, devSplit, depth);
  return {
    depth,
    chosen: choices[best]!.name,
    crossValidation,
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
