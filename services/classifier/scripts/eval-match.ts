/**
 * `pnpm eval:match`: claim retrieval on CLEF-2020 CheckThat! task 2 (tweets → Snopes claims), read from
 * CLAIMWATCH_SHARED_DATA (default <repo>/../shared/data), never copied into the repository.
 *
 * 1. Trains the re-ranker on the official train queries (fixed settings, nothing tuned per item) and installs
 *    it in the models directory (research-use data: the weights are not committed).
 * 2. Prints MAP@1/@5/@10, MRR and Recall@10/@100 of the first stage and of the re-ranked list, on train and dev.
 * 3. Runs the product path (`claimwatch match` on JSON-lines files) over dev and scores its output file.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultGazetteer } from '../src/detect/gazetteer/load-gazetteer.ts';
import {
  hasClef,
  MATCH_RANKER_ID,
  matchJsonl,
  trainAndEvaluateClef,
  writeInstalledRanker,
} from '../src/index.ts';
import { writeJsonlFile } from '../src/verify/io/jsonl.ts';
import {
  CLEF_DIR,
  rankCandidates,
  readClefReferences,
  readClefSplit,
  runOf,
  withConfirmedLinks,
} from '../src/verify/match/clef-claim-retrieval.ts';
import { DEFAULT_DEPTH } from '../src/verify/match/match-references.ts';
import { type RankingScores, scoreRanking } from '../src/verify/match/ranking-metrics.ts';
import { buildReferenceIndex } from '../src/verify/match/reference-index.ts';
import { pathsFromEnv, sharedDataDir, workDir } from './script-config.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
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
const gazetteer = defaultGazetteer();
const result = await trainAndEvaluateClef(shared, { findEntities: (t) => gazetteer.find(t) });
log(`# Claim retrieval, ${CLEF_DIR} (depth ${result.depth}, re-ranker ${result.chosen})`);
for (const c of result.crossValidation)
  log(
    `cross-validated on train (5 folds)  ${c.name.padEnd(34)} MAP@5 ${c.map5.toFixed(3)}${c.name === result.chosen ? '  ← chosen' : ''}`,
  );
log(`first stage  train  ${fmt(result.firstStage.train)}`);
log(`first stage  dev    ${fmt(result.firstStage.dev)}`);
log(`re-ranked    train  ${fmt(result.reranked.train)}`);
log(`re-ranked    dev    ${fmt(result.reranked.dev)}`);
// The same ranker on an index that remembers no confirmed links: what a fresh deployment gets.
const dev = await readClefSplit(shared, 'dev');
const bare = buildReferenceIndex(await readClefReferences(shared), {
  findEntities: (t) => gazetteer.find(t),
});
const bareDev = rankCandidates(bare, dev, DEFAULT_DEPTH);
log(`without confirmed links: first stage dev  ${fmt(scoreRanking(runOf(bare, bareDev, null), dev.qrels))}`);
log(
  `without confirmed links: re-ranked dev    ${fmt(scoreRanking(runOf(bare, bareDev, result.ranker), dev.qrels))}`,
);
log(`(trained and evaluated in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

const { modelsDir } = pathsFromEnv();
const installedAt = writeInstalledRanker(modelsDir, {
  id: MATCH_RANKER_ID,
  revision: new Date().toISOString().slice(0, 10),
  ranker: result.ranker,
  training: {
    data: `${CLEF_DIR} official train queries (research use)`,
    depth: result.depth,
    chosen: result.chosen,
    crossValidation: result.crossValidation,
    dev: result.reranked.dev,
    firstStageDev: result.firstStage.dev,
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
  ranker: result.ranker,
});
const run = new Map(
  readFileSync(outFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { query_id: string; results: { id: string }[] })
    .map((r) => [r.query_id, r.results.map((x) => x.id)]),
);
log(`claimwatch match dev  ${fmt(scoreRanking(run, dev.qrels))}  (${Date.now() - t0} ms incl. indexing)`);
