/**
 * `pnpm eval:match`: claim retrieval on CLEF-2020 CheckThat! task 2 (tweets → Snopes claims), read from
 * CLAIMWATCH_SHARED_DATA (default <repo>/../shared/data), never copied into the repository.
 *
 * 1. Trains the re-ranker on the official train queries (fixed settings, nothing tuned per item) and installs
 *    it in the models directory (research-use data: the weights are not committed). With the sentence-embedding
 *    model (argument `--embedding ID`, default the built-in `universal-sentence-encoder-lite-en`; `--embedding
 *    none` for lexical only), a second ranker is trained on lexical + dense features and installed with it.
 * 2. Prints MAP@1/@5/@10, MRR and Recall@10/@100 of the first stage and of the re-ranked lists, on train and dev.
 * 3. Runs the product path (`claimwatch match` on JSON-lines files) over dev and scores its output file.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultGazetteer } from '../src/detect/gazetteer/load-gazetteer.ts';
import {
  findModel,
  hasClef,
  loadEmbedder,
  MATCH_RANKER_ID,
  matchJsonl,
  trainAndEvaluateClef,
  writeInstalledRanker,
} from '../src/index.ts';
import { withEmbeddingCache } from '../src/models/embedding-cache.ts';
import { writeJsonlFile } from '../src/verify/io/jsonl.ts';
import {
  CLEF_DIR,
  embedQueries,
  rankCandidates,
  readClefReferences,
  readClefSplit,
  runOf,
  type TrainedRanker,
  withConfirmedLinks,
} from '../src/verify/match/clef-claim-retrieval.ts';
import { embedReferences } from '../src/verify/match/dense-fusion.ts';
import { DEFAULT_DEPTH } from '../src/verify/match/match-references.ts';
import { type RankingScores, scoreRanking } from '../src/verify/match/ranking-metrics.ts';
import { buildReferenceIndex } from '../src/verify/match/reference-index.ts';
import { pathsFromEnv, sharedDataDir, workDir } from './script-config.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const { values: args } = parseArgs({
  options: { embedding: { type: 'string', default: 'universal-sentence-encoder-lite-en' } },
});
const shared = sharedDataDir();
if (!hasClef(shared)) {
  log(`No ${CLEF_DIR} under ${shared}: set CLAIMWATCH_SHARED_DATA to the development data folder.`);
  process.exit(1);
}
const fmt = (s: RankingScores) =>
  `${(['MAP@1', 'MAP@5', 'MAP@10', 'MRR', 'Recall@10', 'Recall@100'] as const)
    .map((k) => `${k} ${s[k].toFixed(3)}`)
    .join('  ')}  (${s.queries} queries)`;

const started = Date.now();
const { modelsDir } = pathsFromEnv();
const embeddingModel =
  args.embedding === 'none'
    ? undefined
    : findModel({ modelsDir }, args.embedding ?? 'universal-sentence-encoder-lite-en');
// Vectors are kept between runs (and the product path below reuses the evaluation's).
const embedder = embeddingModel
  ? withEmbeddingCache(
      await loadEmbedder(embeddingModel, { modelsDir, batchSize: 32 }),
      workDir('embeddings'),
    )
  : undefined;
const gazetteer = defaultGazetteer();
const result = await trainAndEvaluateClef(shared, { findEntities: (t) => gazetteer.find(t), embedder });
log(`# Claim retrieval, ${CLEF_DIR} (depth ${result.depth})`);
log(`first stage  train  ${fmt(result.firstStage.train)}`);
log(`first stage  dev    ${fmt(result.firstStage.dev)}`);
const rankers = [
  { label: 'lexical', trained: result.lexical },
  ...(result.dense
    ? [{ label: `+ ${result.dense.embedding.id}`, trained: result.dense as TrainedRanker }]
    : []),
];
for (const { label, trained } of rankers) {
  log(`## re-ranker, ${label} features`);
  for (const c of trained.crossValidation)
    log(
      `cross-validated on train (5 folds)  ${c.name.padEnd(34)} MAP@5 ${c.map5.toFixed(3)}${c.name === trained.chosen ? '  ← chosen' : ''}`,
    );
  log(`re-ranked    train  ${fmt(trained.reranked.train)}`);
  log(`re-ranked    dev    ${fmt(trained.reranked.dev)}`);
}
// The lexical ranker on an index that remembers no confirmed links: what a fresh deployment gets.
const dev = await readClefSplit(shared, 'dev');
const bareReferences = await readClefReferences(shared);
const bare = buildReferenceIndex(bareReferences, { findEntities: (t) => gazetteer.find(t) });
const bareDev = rankCandidates(bare, dev, DEFAULT_DEPTH);
log(`without confirmed links: first stage dev  ${fmt(scoreRanking(runOf(bare, bareDev, null), dev.qrels))}`);
log(
  `without confirmed links: lexical re-ranked dev  ${fmt(scoreRanking(runOf(bare, bareDev, result.lexical.ranker), dev.qrels))}`,
);
if (result.dense && embedder) {
  const dense = {
    index: await embedReferences(bareReferences, embedder),
    queries: await embedQueries(embedder, [dev]),
  };
  const bareDense = rankCandidates(bare, dev, DEFAULT_DEPTH, dense);
  log(
    `without confirmed links: dense re-ranked dev    ${fmt(scoreRanking(runOf(bare, bareDense, result.dense.ranker), dev.qrels))}`,
  );
}
log(`(trained and evaluated in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

const training = (trained: TrainedRanker) => ({
  chosen: trained.chosen,
  crossValidation: trained.crossValidation,
  dev: trained.reranked.dev,
});
const installedAt = writeInstalledRanker(modelsDir, {
  id: MATCH_RANKER_ID,
  revision: new Date().toISOString().slice(0, 10),
  ranker: result.lexical.ranker,
  dense:
    result.dense && embeddingModel
      ? {
          embedding: result.dense.embedding,
          languages: embeddingModel.manifest.languages,
          ranker: result.dense.ranker,
        }
      : undefined,
  training: {
    data: `${CLEF_DIR} official train queries (research use)`,
    depth: result.depth,
    firstStageDev: result.firstStage.dev,
    lexical: training(result.lexical),
    ...(result.dense ? { dense: { embedding: result.dense.embedding, ...training(result.dense) } } : {}),
  },
});
log(`re-ranker installed: ${installedAt}`);

// The product path, end to end through files: references carry the train links as confirmed phrasings.
const dir = workDir('match');
mkdirSync(dir, { recursive: true });
const train = await readClefSplit(shared, 'train');
const indexFile = path.join(dir, 'vclaims.with-train-links.jsonl');
await writeJsonlFile(indexFile, withConfirmedLinks(await readClefReferences(shared), train));
const queriesFile = path.join(dir, 'queries.dev.jsonl');
await writeJsonlFile(queriesFile, dev.queries);
const outFile = path.join(dir, 'results.dev.jsonl');
const t0 = Date.now();
await matchJsonl({
  indexFile,
  queriesFile,
  outFile,
  k: 100,
  ranker: result.lexical.ranker,
  embedding:
    embedder && embeddingModel ? { embedder, languages: embeddingModel.manifest.languages } : undefined,
  denseRanker: result.dense?.ranker,
});
const run = new Map(
  readFileSync(outFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { query_id: string; results: { id: string }[] })
    .map((r) => [r.query_id, r.results.map((x) => x.id)]),
);
log(
  `claimwatch match dev${embedder ? ` (with ${embedder.model.id})` : ''}  ${fmt(scoreRanking(run, dev.qrels))}  (${Date.now() - t0} ms incl. indexing)`,
);
