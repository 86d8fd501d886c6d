/** Ranked ids per query and the relevant ids per query (binary relevance). */
export type RankingRun = Map<string, string[]>;
export type Qrels = Map<string, Set<string>>;

/**
 * AP@k as in trec_eval / trectools: the sum of precision at each relevant hit within the top k, divided by the
 * number of relevant items of the query.
 */
export function averagePrecisionAt(ranked: readonly string[], relevant: Set<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    if (relevant.has(ranked[i]!)) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / relevant.size;
}

export function reciprocalRank(ranked: readonly string[], relevant: Set<string>): number {
  const i = ranked.findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

export function recallAt(ranked: readonly string[], relevant: Set<string>, k: number): number {
  if (relevant.size === 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

export type RankingScores = {
  queries: number;
  'MAP@1': number;
  'MAP@5': number;
  'MAP@10': number;
  MRR: number;
  'Recall@10': number;
  'Recall@100': number;
};

/** Averages over the queries that have relevance judgements; a query missing from the run scores 0. */
export function scoreRanking(run: RankingRun, qrels: Qrels): RankingScores {
  const ids = [...qrels.keys()].filter((q) => (qrels.get(q)?.size ?? 0) > 0);
  const mean = (f: (ranked: string[], relevant: Set<string>) => number) =>
    ids.length === 0 ? 0 : ids.reduce((s, q) => s + f(run.get(q) ?? [], qrels.get(q)!), 0) / ids.length;
  return {
    queries: ids.length,
    'MAP@1': mean((r, rel) => averagePrecisionAt(r, rel, 1)),
    'MAP@5': mean((r, rel) => averagePrecisionAt(r, rel, 5)),
    'MAP@10': mean((r, rel) => averagePrecisionAt(r, rel, 10)),
    MRR: mean(reciprocalRank),
    'Recall@10': mean((r, rel) => recallAt(r, rel, 10)),
    'Recall@100': mean((r, rel) => recallAt(r, rel, 100)),
  };
}
