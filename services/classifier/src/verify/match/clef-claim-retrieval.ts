import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Embedder } from '../../models/transformers-runtime.ts';
import { readJsonlFile } from '../io/jsonl.ts';
import type { EntityFinder } from './analyse-text.ts';
import { type DenseIndex, embedReferences } from './dense-fusion.ts';
import {
  appendDenseFeatures,
  DENSE_CANDIDATES,
  DENSE_RANKED_FEATURES,
  scoreDense,
  withDenseCandidates,
} from './dense-rerank.ts';
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

/** The references and the split's queries embedded by one model, for the dense features. */
export type DenseSplit = { index: DenseIndex; queries: ReadonlyMap<string, Float32Array> };

/**
 * First-stage candidates and their features for every query of a split; with `dense`, the model's nearest
 * references join the candidates and its features are appended (what the matcher does given a vector).
 */
export function rankCandidates(
  index: ReferenceIndex,
  split: ClefSplit,
  depth: number,
  dense?: DenseSplit,
): RankedQuery[] {
  const scratch = new Float32Array(index.references.length);
  return split.queries.map((q) => {
    const analysed = analyseQuery(index, q.text, { excludeSource: q.id });
    let candidates = retrieveCandidates(index, analysed, depth, scratch);
    const vector = dense?.queries.get(q.id);
    const scores = dense && vector ? scoreDense(dense.index, vector) : undefined;
    if (scores) candidates = withDenseCandidates(candidates, scores, DENSE_CANDIDATES);
    const lexical = computeFeatures(index, analysed, candidates);
    const relevant = split.qrels.get(q.id) ?? new Set<string>();
    return {
      id: q.id,
      docs: candidates.docs,
      rows: scores ? appendDenseFeatures(lexical, candidates.docs, scores) : lexical,
      relevant: candidates.docs.map((d) => relevant.has(index.references[d]!.id)),
    };
  });
}

/** Every query of the splits embedded once, by id. */
export async function embedQueries(
  embedder: Embedder,
  splits: readonly ClefSplit[],
): Promise<Map<string, Float32Array>> {
  const queries = splits.flatMap((s) => s.queries);
  const vectors = await embedder.embed(queries.map((q) => q.text));
  return new Map(queries.map((q, i) => [q.id, vectors[i]!]));
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
export const rankerChoices = (features: readonly string[]): RankerChoice[] => [
  ...[1e-3, 1e-2, 1e-1].map((l2) => ({
    name: `linear l2=${l2}`,
    train: (g: RankingGroup[]) => trainLinearRanker(features, g, { l2 }),
  })),
  ...[{ trees: 100, depth: 3, learningRate: 0.1 }].map((o) => ({
    name: `trees n=${o.trees} depth=${o.depth} lr=${o.learningRate}`,
    train: (g: RankingGroup[]) => trainTreeRanker(features, g, o),
  })),
];

export const RANKER_CHOICES: readonly RankerChoice[] = rankerChoices(FEATURE_NAMES);

/** A re-ranker chosen by cross-validation on train, trained on all of it, and its scores. */
export type TrainedRanker = {
  /** The setting chosen by cross-validation. */
  chosen: string;
  /** Cross-validated MAP@5 on train of every setting tried. */
  crossValidation: { name: string; map5: number }[];
  ranker: Ranker;
  reranked: Record<'train' | 'dev', RankingScores>;
};

export type ClefEvaluation = {
  depth: number;
  firstStage: Record<'train' | 'dev', RankingScores>;
  /** Lexical features only. */
  lexical: TrainedRanker;
  /** Lexical and dense features, when an embedding model was given. */
  dense?: TrainedRanker & { embedding: Embedder['model'] };
};

function chooseAndTrain(
  index: ReferenceIndex,
  splits: Record<'train' | 'dev', ClefSplit>,
  ranked: Record<'train' | 'dev', RankedQuery[]>,
  choices: readonly RankerChoice[],
): TrainedRanker {
  const crossValidation = choices.map((c) => ({
    name: c.name,
    map5: crossValidate(index, ranked.train, splits.train.qrels, c.train),
  }));
  let best = 0;
  crossValidation.forEach((c, i) => {
    if (c.map5 > crossValidation[best]!.map5) best = i;
  });
  const ranker = choices[best]!.train(ranked.train.map((q) => ({ rows: q.rows, relevant: q.relevant })));
  return {
    chosen: choices[best]!.name,
    crossValidation,
    ranker,
    reranked: {
      train: scoreRanking(runOf(index, ranked.train, ranker), splits.train.qrels),
      dev: scoreRanking(runOf(index, ranked.dev, ranker), splits.dev.qrels),
    },
  };
}

/**
 * Trains the re-ranker on the official train queries and reports both stages on train and dev. The setting
 * (model kind, L2, tree sizes) is chosen by 5-fold cross-validation on train (MAP@5); dev is only measured,
 * once, at the end. The index is built as `claimwatch match` builds it (same gazetteer), so features agree.
 * With an embedding model, a second ranker is chosen and trained the same way on lexical + dense features.
 */
export async function trainAndEvaluateClef(
  sharedDataDir: string,
  options: { depth?: number; findEntities?: EntityFinder; embedder?: Embedder | undefined } = {},
): Promise<ClefEvaluation> {
  const depth = options.depth ?? DEFAULT_DEPTH;
  const splits = {
    train: await readClefSplit(sharedDataDir, 'train'),
    dev: await readClefSplit(sharedDataDir, 'dev'),
  };
  // Train queries' confirmed links are the matcher's memory; each train query leaves its own out.
  const references = withConfirmedLinks(await readClefReferences(sharedDataDir), splits.train);
  const index = buildReferenceIndex(references, { findEntities: options.findEntities });
  const ranked = {
    train: rankCandidates(index, splits.train, depth),
    dev: rankCandidates(index, splits.dev, depth),
  };
  const evaluation: ClefEvaluation = {
    depth,
    firstStage: {
      train: scoreRanking(runOf(index, ranked.train, null), splits.train.qrels),
      dev: scoreRanking(runOf(index, ranked.dev, null), splits.dev.qrels),
    },
    lexical: chooseAndTrain(index, splits, ranked, RANKER_CHOICES),
  };
  if (!options.embedder) return evaluation;
  const dense: DenseSplit = {
    index: await embedReferences(references, options.embedder),
    queries: await embedQueries(options.embedder, [splits.train, splits.dev]),
  };
  const denseRanked = {
    train: rankCandidates(index, splits.train, depth, dense),
    dev: rankCandidates(index, splits.dev, depth, dense),
  };
  return {
    ...evaluation,
    dense: {
      ...chooseAndTrain(index, splits, denseRanked, rankerChoices(DENSE_RANKED_FEATURES)),
      embedding: options.embedder.model,
    },
  };
}
