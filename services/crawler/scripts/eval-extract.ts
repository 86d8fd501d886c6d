/**
 * `pnpm eval:extract`: precision / recall / F1 of our extractor on both development sets, with the metrics
 * their SOURCE.md files define, and Readability alone side by side as the baseline. Reads the data from
 * CLAIMWATCH_SHARED_DATA (default <repo>/../shared/data); writes predictions under <data dir>/eval/.
 *   --only aeb|traf   one set   --limit N   first N pages   --no-baseline   skip Readability
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadConfig, readProcessEnv } from '@claimwatch/shared/config';
import { createExtractBatch, type ExtractOutput } from '../src/offline/extract-batch.ts';
import {
  type Prf,
  scoreSegments,
  scoreShingles,
  segmentCounts,
  shingleOverlap,
} from '../src/offline/extraction-metrics.ts';

type Page = { id: string; url: string; html?: string; html_base64?: string };
type AebPage = Page & { gold_article_body: string };
type TrafPage = Page & { with: string[]; without: string[] };

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = option('--only');
const limit = Number(option('--limit') ?? Number.POSITIVE_INFINITY);
const withBaseline = !args.includes('--no-baseline');

const config = loadConfig(readProcessEnv());
const dataDir = config.evaluation.sharedDataDir;
const outDir = path.join(config.paths.dataDir, 'eval');
mkdirSync(outDir, { recursive: true });

function readJsonl<T>(file: string): T[] {
  const full = path.join(dataDir, file);
  if (!existsSync(full))
    throw new Error(`Missing ${full}: set CLAIMWATCH_SHARED_DATA to the shared data folder`);
  return gunzipSync(readFileSync(full))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit)
    .map((line) => JSON.parse(line) as T);
}

async function extractAll(pages: Page[], baseline: boolean): Promise<ExtractOutput[]> {
  const batch = createExtractBatch({ workers: 2, baseline });
  try {
    return await Promise.all(pages.map((p) => batch.run(p)));
  } finally {
    await batch.close();
  }
}

const fmt = (s: Prf) => `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;

async function evaluateAeb(): Promise<void> {
  const pages = readJsonl<AebPage>('article-extraction-benchmark/dev.jsonl.gz');
  for (const baseline of withBaseline ? [false, true] : [false]) {
    const started = performance.now();
    const outputs = await extractAll(pages, baseline);
    const score = scoreShingles(
      pages.map((p, i) => shingleOverlap(p.gold_article_body, outputs[i]!.text ?? '')),
    );
    const name = baseline ? 'readability (baseline)' : 'claimwatch';
    console.log(
      `article-extraction-benchmark dev (${pages.length})  ${name.padEnd(24)} ${fmt(score)}  errors ${outputs.filter((o) => o.error).length}  ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    writeFileSync(
      path.join(outDir, `aeb.${baseline ? 'baseline' : 'ours'}.jsonl`),
      outputs.map((o) => JSON.stringify(o)).join('\n'),
    );
  }
}

async function evaluateTraf(): Promise<void> {
  const pages = readJsonl<TrafPage>('trafilatura-eval/dev.jsonl.gz');
  for (const baseline of withBaseline ? [false, true] : [false]) {
    const started = performance.now();
    const outputs = await extractAll(pages, baseline);
    const score = scoreSegments(
      pages.map((p, i) => segmentCounts(outputs[i]!.text ?? '', p.with, p.without)),
    );
    const name = baseline ? 'readability (baseline)' : 'claimwatch';
    console.log(
      `trafilatura-eval dev (${pages.length})              ${name.padEnd(24)} ${fmt(score)}  acc ${score.accuracy.toFixed(3)}  (tp ${score.tp} fp ${score.fp} fn ${score.fn} tn ${score.tn})  ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    writeFileSync(
      path.join(outDir, `traf.${baseline ? 'baseline' : 'ours'}.jsonl`),
      outputs.map((o) => JSON.stringify(o)).join('\n'),
    );
  }
}

if (only !== 'traf') await evaluateAeb();
if (only !== 'aeb') await evaluateTraf();
