/**
 * `pnpm bench:match`: claim → reference matching throughput at 10k and 100k synthetic references (vi/en
 * sentences built from a fixed vocabulary, country names and years; seeded, so every run is the same), and
 * peak memory. Each size runs in its own process so that peak RSS belongs to that size alone.
 * Prints: index build time, queries/s of the first stage (BM25 over stems + ids, top 5), of the re-ranked
 * matcher when the learned ranker is installed (also with one confirmed phrasing per reference; and with
 * its dense part, when it was trained with an installed sentence-embedding model: references get seeded
 * random unit vectors of the model's width, which cost the same as real ones, and the model's own time to
 * embed a query is printed apart), and of verification's coverage-scored lookup.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultGazetteer } from '../src/detect/gazetteer/load-gazetteer.ts';
import { findModel } from '../src/models/registry.ts';
import { loadEmbedder } from '../src/models/transformers-runtime.ts';
import { readInstalledRanker } from '../src/verify/match/installed-ranker.ts';
import type { Ranker } from '../src/verify/match/linear-ranker.ts';
import { createMatcher } from '../src/verify/match/match-references.ts';
import { findReferences } from '../src/verify/reference-set.ts';
import { entityFinder } from '../src/verify/verifier.ts';
import { pathsFromEnv } from './script-config.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const sizeArg = process.argv.indexOf('--size');

if (sizeArg < 0) {
  log('bench:match — synthetic references, 2 cores / 24 GiB machine; each size in its own process');
  for (const size of [10_000, 100_000]) {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--size', String(size)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    process.stdout.write(out);
  }
  process.exit(0);
}

const size = Number(process.argv[sizeArg + 1]);
let seed = 7;
const rand = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const countries = [
  'Hàn Quốc',
  'Nhật Bản',
  'Hoa Kỳ',
  'Nga',
  'Pháp',
  'Đức',
  'Ấn Độ',
  'Úc',
  'Canada',
  'Lào',
  'Campuchia',
  'Thái Lan',
  'Japan',
  'South Korea',
  'Russia',
  'France',
  'Germany',
  'India',
  'Australia',
  'Laos',
];
const vi = [
  'quan hệ',
  'ngoại giao',
  'thiết lập',
  'đối tác',
  'chiến lược',
  'toàn diện',
  'hợp tác',
  'kinh tế',
  'thương mại',
  'đầu tư',
  'hiệp định',
  'ký kết',
  'thăm',
  'chính thức',
  'hội nghị',
  'biên giới',
  'giáo dục',
  'văn hóa',
  'quốc phòng',
  'an ninh',
  'phát triển',
  'năng lượng',
  'nông nghiệp',
  'du lịch',
  'y tế',
];
const en = [
  'relations',
  'diplomatic',
  'established',
  'partnership',
  'strategic',
  'comprehensive',
  'cooperation',
  'economic',
  'trade',
  'investment',
  'agreement',
  'signed',
  'visit',
  'official',
  'summit',
  'border',
  'education',
  'culture',
  'defence',
  'security',
  'development',
  'energy',
  'agriculture',
  'tourism',
  'health',
];
const sentence = () => {
  const words = rand() < 0.5 ? vi : en;
  const parts = [rand() < 0.5 ? 'Việt Nam' : 'Vietnam', pick(countries)];
  const n = 8 + Math.floor(rand() * 14);
  for (let i = 0; i < n; i++) parts.push(pick(words));
  parts.push(String(1950 + Math.floor(rand() * 76)));
  return `${parts.join(' ')}.`;
};
const references = Array.from({ length: size }, (_, i) => ({ id: `r${i}`, text: sentence() }));
const queries = Array.from({ length: 300 }, () => {
  const r = pick(references).text.split(' ');
  return r.filter(() => rand() < 0.7).join(' ');
});

const gazetteer = defaultGazetteer();
const findEntities = entityFinder(gazetteer);
const { modelsDir } = pathsFromEnv();
const installed = readInstalledRanker(modelsDir);
const ranker = installed?.ranker;
const rss0 = process.memoryUsage().rss;
let started = performance.now();
const matcher = createMatcher(references, { findEntities });
const buildSeconds = (performance.now() - started) / 1000;
const rssIndex = process.memoryUsage().rss;

const rate = (label: string, run: (q: string) => unknown, n = queries.length) => {
  run(queries[0]!);
  started = performance.now();
  for (let i = 0; i < n; i++) run(queries[i % queries.length]!);
  const seconds = (performance.now() - started) / 1000;
  log(`  ${label}: ${(n / seconds).toFixed(0)} queries/s (${((1000 * seconds) / n).toFixed(2)} ms/query)`);
};
log(`${size.toLocaleString('en')} references: index built in ${buildSeconds.toFixed(1)} s`);
rate('first stage, BM25 stems + ids, top 5', (q) => matcher.match(q, 5));
if (ranker) {
  const reranked = createMatcher(references, { findEntities, ranker });
  rate('re-ranked (learned ranker, depth 50), top 5', (q) => reranked.match(q, 5));
  // One confirmed phrasing per reference (another synthetic sentence): the matcher's memory at full size.
  const remembered = references.map((r) => ({ ...r, phrasings: [{ text: sentence() }] }));
  started = performance.now();
  const withMemory = createMatcher(remembered, { findEntities, ranker });
  log(
    `  + ${size.toLocaleString('en')} confirmed phrasings: index built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  rate('re-ranked with confirmed phrasings, top 5', (q) => withMemory.match(q, 5));
  if (installed?.dense) await benchDense(installed.dense.embedding.id, installed.dense.ranker);
} else log('  re-ranked: no ranker installed (run `pnpm eval:match` to train one)');
rate('verification lookup (top 5 + coverage scores)', (q) => findReferences(matcher, q, 5));
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
log(
  `  memory: RSS before index ${mib(rss0)}, after index ${mib(rssIndex)}, peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`,
);

async function benchDense(modelId: string, denseRanker: Ranker): Promise<void> {
  const embedder = await loadEmbedder(findModel({ modelsDir }, modelId), { modelsDir, batchSize: 32 });
  const one = queries.slice(0, 100);
  await embedder.embed([one[0]!]);
  started = performance.now();
  for (const q of one) await embedder.embed([q]);
  const perQuery = (performance.now() - started) / one.length;
  started = performance.now();
  const vectors = await embedder.embed(queries);
  const batched = (performance.now() - started) / queries.length;
  log(
    `  ${modelId}: ${perQuery.toFixed(1)} ms to embed one query alone, ${batched.toFixed(1)} ms/query in batches of 32`,
  );
  const width = vectors[0]!.length;
  const randomUnit = () => {
    const v = Float32Array.from({ length: width }, () => rand() - 0.5);
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  };
  const index = { model: embedder.model, vectors: references.map(randomUnit) };
  const dense = createMatcher(references, { findEntities, ranker, dense: { index, ranker: denseRanker } });
  const vectorOf = new Map(queries.map((q, i) => [q, vectors[i]!]));
  rate(`dense re-ranked (query vector given, ${width}-d), top 5`, (q) =>
    dense.match(q, 5, { vector: vectorOf.get(q) }),
  );
}
