/**
 * `pnpm bench:detect`: throughput (sentences/s) and peak memory (max RSS) of each detector, each measured
 * in its own child process on the claims-vi-en sentences; then, for the transformers.js path, our batched
 * runtime against a naive one-text-per-call `pipeline()` on the same random-weight model with the shape of
 * paraphrase-multilingual-MiniLM-L12-v2 (generated into .cache/ by make-bench-model.py with the OS
 * python3-torch; benchmark only, its outputs mean nothing), side by side in one run, as a ratio; and the
 * built-in universal-sentence-encoder-lite-en (TF.js wasm) on the English sentences: load time, batched
 * against one text per call.
 *
 * Options: --quick (fewer repetitions), --texts N (transformers.js texts, default 128).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '@claimwatch/shared/config';
import { findDates } from '../src/detect/dates.ts';
import { detectDocument } from '../src/detect/detect-document.ts';
import { defaultGazetteer } from '../src/detect/gazetteer/load-gazetteer.ts';
import { identifyLanguage } from '../src/detect/identify-language.ts';
import { normaliseToneMarks } from '../src/detect/normalise-text.ts';
import { findQuantities } from '../src/detect/quantities.ts';
import { segmentSentences } from '../src/detect/segment-sentences.ts';
import { loadBuiltInActiveModels } from '../src/models/built-in.ts';
import { describeFiles, type InstalledModel } from '../src/models/manifest.ts';
import { findModel } from '../src/models/registry.ts';
import { loadEmbedder, naiveEmbed } from '../src/models/transformers-runtime.ts';
import { readClaimsViEn } from '../src/train/datasets.ts';

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const textsArg = args.indexOf('--texts');
const transformerTexts = textsArg >= 0 ? Number(args[textsArg + 1]) : 128;
const BENCH_MODEL_DIR = path.join(repoRoot, '.cache', 'bench-models', 'random-minilm-l12-shape');

const sentences = readClaimsViEn().map((r) => r.text);
const repeat = quick ? 2 : 8;
const corpus = Array.from({ length: repeat }, () => sentences).flat();
/** Documents of ten sentences, for the detectors that work on whole texts. */
const documents: string[] = [];
for (let i = 0; i < corpus.length; i += 10) documents.push(corpus.slice(i, i + 10).join(' '));

type Result = {
  detector: string;
  sentences: number;
  seconds: number;
  peakRssMb: number;
  note?: string;
  /** Model load (files verified) and warm-up, for model runs. */
  loadMs?: number;
};
type Run = () => Promise<{ sentences: number; note?: string; loadMs?: number }>;

const detectors: Record<string, Run> = {
  'baseline (node + tsx + imports, no work)': async () => ({ sentences: 0 }),
  'language-id (fastText + vi orthography)': async () => {
    for (const s of corpus) await identifyLanguage(s);
    return { sentences: corpus.length };
  },
  'segmentation (Intl.Segmenter + fixes)': async () => {
    let n = 0;
    for (const d of documents) n += segmentSentences(d, 'vi').length;
    return { sentences: n };
  },
  gazetteer: async () => {
    const g = defaultGazetteer();
    for (const s of corpus) g.find(normaliseToneMarks(s));
    return { sentences: corpus.length, note: `${g.size} surface forms` };
  },
  'dates + quantities': async () => {
    for (const s of corpus) findQuantities(s, 'vi', findDates(s));
    return { sentences: corpus.length };
  },
  'check-worthiness (hashed n-gram linear)': async () => {
    const models = await loadBuiltInActiveModels();
    for (let i = 0; i < corpus.length; i += 64) await models.checkworthiness.score(corpus.slice(i, i + 64));
    return { sentences: corpus.length };
  },
  'detectDocument (all of the above)': async () => {
    const models = await loadBuiltInActiveModels();
    const g = defaultGazetteer();
    for (const d of documents)
      await detectDocument(g, { documentId: 'bench', text: d, title: null, declaredLang: null }, models);
    return { sentences: corpus.length };
  },
};

async function benchModel(): Promise<InstalledModel> {
  const files = readdirSync(BENCH_MODEL_DIR, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(BENCH_MODEL_DIR, f)).isFile());
  return {
    dir: BENCH_MODEL_DIR,
    isBuiltIn: false,
    manifest: {
      id: 'bench/random-minilm-l12-shape',
      revision: 'random',
      task: 'feature-extraction',
      format: 'transformers.js',
      languages: [],
      files: await describeFiles(BENCH_MODEL_DIR, files),
      thresholds: {},
      dtype: 'fp32',
    },
  };
}

const transformerRuns: Record<string, Run> = {
  'transformers.js batched (ours, batch 32)': async () => {
    const texts = sentences.slice(0, transformerTexts);
    const embedder = await loadEmbedder(await benchModel(), {
      modelsDir: path.dirname(BENCH_MODEL_DIR),
      batchSize: 32,
      verifyOnLoad: false,
    });
    await embedder.embed(texts.slice(0, 4)); // warm-up: load and first run are not throughput
    const started = performance.now();
    await embedder.embed(texts);
    return { sentences: texts.length, note: `timed ${((performance.now() - started) / 1000).toFixed(2)} s` };
  },
  'transformers.js naive (pipeline() per text)': async () => {
    const texts = sentences.slice(0, transformerTexts);
    const m = await benchModel();
    await naiveEmbed(m, path.dirname(BENCH_MODEL_DIR), texts.slice(0, 4));
    const started = performance.now();
    await naiveEmbed(m, path.dirname(BENCH_MODEL_DIR), texts);
    return { sentences: texts.length, note: `timed ${((performance.now() - started) / 1000).toFixed(2)} s` };
  },
};

const englishSentences = readClaimsViEn()
  .filter((r) => r.lang === 'en')
  .map((r) => r.text);

/** Universal Sentence Encoder lite: load (files verified) and embed; batches of `batchSize` texts. */
async function useRun(batchSize: number): ReturnType<Run> {
  const texts = englishSentences.slice(0, transformerTexts);
  const loadStarted = performance.now();
  const embedder = await loadEmbedder(
    findModel({ modelsDir: os.tmpdir() }, 'universal-sentence-encoder-lite-en'),
    {
      modelsDir: os.tmpdir(),
      batchSize,
    },
  );
  await embedder.embed(texts.slice(0, 4));
  const loadMs = performance.now() - loadStarted;
  const started = performance.now();
  if (batchSize === 1) for (const t of texts) await embedder.embed([t]);
  else await embedder.embed(texts);
  const seconds = (performance.now() - started) / 1000;
  return { sentences: texts.length, note: `timed ${seconds.toFixed(2)} s`, loadMs };
}

const useRuns: Record<string, Run> = {
  'USE lite batched (ours, batch 32)': () => useRun(32),
  'USE lite one text per call': () => useRun(1),
};

async function runChild(name: string): Promise<void> {
  const run = detectors[name] ?? transformerRuns[name] ?? useRuns[name];
  if (!run) throw new Error(`unknown detector ${name}`);
  const started = performance.now();
  const { sentences: n, note, loadMs } = await run();
  let seconds = (performance.now() - started) / 1000;
  // Transformer runs report the timed part only (after load and warm-up).
  const timed = note?.match(/^timed ([\d.]+) s$/);
  if (timed) seconds = Number(timed[1]);
  const result: Result = {
    detector: name,
    sentences: n,
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ...(note && !timed ? { note } : {}),
    ...(loadMs !== undefined ? { loadMs } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function spawnChild(name: string): Result {
  const child = spawnSync(process.execPath, [...process.execArgv, self, '--child', name], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`${name} failed:\n${child.stderr}`);
  return JSON.parse(line) as Result;
}

const print = (r: Result) =>
  process.stdout.write(
    `${r.detector.padEnd(44)} ${(r.sentences ? String(Math.round(r.sentences / r.seconds)) : '–').padStart(8)} sent/s  ${r.peakRssMb.toFixed(0).padStart(5)} MB peak RSS${r.note ? `  (${r.note})` : ''}\n`,
  );

if (args[0] === '--child') {
  await runChild(args[1]!);
} else {
  process.stdout.write(
    `bench:detect — ${os.cpus().length} cores, Node ${process.version}; ${corpus.length} sentences (claims-vi-en ×${repeat}); each detector in its own process\n\n`,
  );
  for (const name of Object.keys(detectors)) print(spawnChild(name));

  process.stdout.write(
    `\nuniversal-sentence-encoder-lite-en (built in; TF.js wasm), ${Math.min(transformerTexts, englishSentences.length)} English claims-vi-en sentences, after load and warm-up:\n`,
  );
  const useBatched = spawnChild('USE lite batched (ours, batch 32)');
  const useSingle = spawnChild('USE lite one text per call');
  for (const r of [useBatched, useSingle]) {
    print(r);
    process.stdout.write(
      `${''.padEnd(44)} ${((r.seconds * 1000) / r.sentences).toFixed(1).padStart(8)} ms/sentence; load + verify + warm-up ${r.loadMs?.toFixed(0)} ms\n`,
    );
  }
  process.stdout.write(
    `batched / one-per-call throughput ratio: ${(useBatched.sentences / useBatched.seconds / (useSingle.sentences / useSingle.seconds)).toFixed(2)}×\n`,
  );

  if (!existsSync(path.join(BENCH_MODEL_DIR, 'onnx', 'model.onnx'))) {
    process.stdout.write(
      '\ngenerating the random-weight MiniLM-L12-shaped model into .cache/ (python3-torch)…\n',
    );
    try {
      execFileSync(
        '/usr/bin/python3',
        [path.join(path.dirname(self), 'make-bench-model.py'), BENCH_MODEL_DIR],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    } catch {
      process.stdout.write(
        'could not generate it: install python3-torch and python3-onnx (apt-get) to benchmark transformers.js\n',
      );
      process.exit(0);
    }
  }
  process.stdout.write(
    `\ntransformers.js on a RANDOM-WEIGHT model shaped like paraphrase-multilingual-MiniLM-L12-v2 (12 layers, hidden 384, 250k vocabulary; speed only), ${transformerTexts} texts, after warm-up:\n`,
  );
  const batched = spawnChild('transformers.js batched (ours, batch 32)');
  const naive = spawnChild('transformers.js naive (pipeline() per text)');
  print(batched);
  print(naive);
  const ratio = batched.sentences / batched.seconds / (naive.sentences / naive.seconds);
  process.stdout.write(`batched / naive throughput ratio: ${ratio.toFixed(2)}×\n`);
}
