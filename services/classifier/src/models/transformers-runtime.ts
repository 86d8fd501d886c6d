import type { ModelRef } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import type {
  FeatureExtractionPipeline,
  PreTrainedModel,
  PreTrainedTokenizer,
} from '@huggingface/transformers';
import { batchesByLength } from './batches.ts';
import { type InstalledModel, type ModelFormat, verifyModelFiles } from './manifest.ts';
import { loadUseEmbedder } from './use-runtime.ts';

/** Sentence vectors from an embedding model (unit length; transformers.js models: mean pooling). */
export type Embedder = { model: ModelRef; embed(texts: string[]): Promise<Float32Array[]> };

/** Label probabilities for (premise, hypothesis) pairs from a sequence-classification model (e.g. NLI). */
export type PairClassifier = {
  model: ModelRef;
  labels: string[];
  classify(pairs: { text: string; pair: string }[]): Promise<Record<string, number>[]>;
};

export type RuntimeOptions = { modelsDir: string; batchSize?: number; verifyOnLoad?: boolean };

/**
 * Strictly offline: nothing is ever fetched from a hub at run time; models come from the models directory
 * (installed by `claimwatch models pull|import`). Called before any load.
 */
/** Loaded on first use: processes that run no operator model never load onnxruntime. */
const transformers = () => import('@huggingface/transformers');

export async function configureOffline(
  modelsDir: string,
): Promise<typeof import('@huggingface/transformers')> {
  const library = await transformers();
  const { env } = library;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir;
  return library;
}

const dtypeOf = (m: InstalledModel) =>
  m.manifest.dtype ?? (m.manifest.files['onnx/model.onnx'] ? 'fp32' : 'q8');

/** One loaded instance per model directory per process, shared by every caller. */
const loaded = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let instance = loaded.get(key) as Promise<T> | undefined;
  if (!instance) {
    instance = load();
    loaded.set(key, instance);
    // A failed load is not cached: the operator may fix the files and the next job tries again.
    instance.catch(() => loaded.delete(key));
  }
  return instance;
}

async function checkFiles(m: InstalledModel, formats: ModelFormat[], verify: boolean): Promise<void> {
  if (!formats.includes(m.manifest.format))
    throw new AppError('model_missing', `${m.manifest.id} is not a ${formats.join(' or ')} model`);
  if (!verify) return;
  const bad = (await verifyModelFiles(m.dir, m.manifest)).filter((c) => c.status !== 'ok');
  if (bad.length > 0)
    throw new AppError(
      'model_corrupt',
      `${m.manifest.id}: ${bad.map((c) => `${c.file} ${c.status}`).join(', ')}; run \`claimwatch models verify\``,
    );
}

/** A sentence-embedding model of any embedding format (`transformers.js`, `tfjs-use`), loaded once. */
export function loadEmbedder(m: InstalledModel, options: RuntimeOptions): Promise<Embedder> {
  return once(`embed:${m.dir}:${m.manifest.revision}`, async () => {
    await checkFiles(m, ['transformers.js', 'tfjs-use'], options.verifyOnLoad ?? true);
    if (m.manifest.format === 'tfjs-use') return loadUseEmbedder(m, options.batchSize ?? 32);
    const { pipeline } = await configureOffline(options.modelsDir);
    const extractor = (await pipeline('feature-extraction', m.dir, {
      dtype: dtypeOf(m),
    })) as FeatureExtractionPipeline;
    const batchSize = options.batchSize ?? 32;
    return {
      model: { id: m.manifest.id, revision: m.manifest.revision },
      async embed(texts) {
        const out: Float32Array[] = new Array(texts.length);
        for (const batch of batchesByLength(texts, batchSize)) {
          const tensor = await extractor(
            batch.map((i) => texts[i]!),
            { pooling: 'mean', normalize: true },
          );
          const [rows, dim] = tensor.dims as [number, number];
          const data = tensor.data as Float32Array;
          for (let r = 0; r < rows; r++) out[batch[r]!] = data.slice(r * dim, (r + 1) * dim);
        }
        return out;
      },
    };
  });
}

/**
 * Pairs go through the tokenizer and the model directly: transformers.js' text-classification pipeline
 * ignores `text_pair`.
 */
export function loadPairClassifier(m: InstalledModel, options: RuntimeOptions): Promise<PairClassifier> {
  return once(`pair:${m.dir}:${m.manifest.revision}`, async () => {
    const { AutoTokenizer, AutoModelForSequenceClassification } = await configureOffline(options.modelsDir);
    await checkFiles(m, ['transformers.js'], options.verifyOnLoad ?? true);
    const tokenizer: PreTrainedTokenizer = await AutoTokenizer.from_pretrained(m.dir);
    const model: PreTrainedModel = await AutoModelForSequenceClassification.from_pretrained(m.dir, {
      dtype: dtypeOf(m),
    });
    const id2label = (model.config as unknown as { id2label?: Record<string, string> }).id2label ?? {};
    const labels = Object.keys(id2label)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => id2label[k]!);
    const batchSize = options.batchSize ?? 32;
    return {
      model: { id: m.manifest.id, revision: m.manifest.revision },
      labels,
      async classify(pairs) {
        const out: Record<string, number>[] = new Array(pairs.length);
        const texts = pairs.map((p) => `${p.text} ${p.pair}`);
        for (const batch of batchesByLength(texts, batchSize)) {
          const inputs = tokenizer(
            batch.map((i) => pairs[i]!.text),
            { text_pair: batch.map((i) => pairs[i]!.pair), padding: true, truncation: true },
          );
          const { logits } = await model(inputs);
          const [rows, width] = logits.dims as [number, number];
          const data = logits.data as Float32Array;
          for (let r = 0; r < rows; r++) {
            const row = Array.from(data.slice(r * width, (r + 1) * width));
            const max = Math.max(...row);
            const exp = row.map((v) => Math.exp(v - max));
            const sum = exp.reduce((a, b) => a + b, 0);
            out[batch[r]!] = Object.fromEntries(exp.map((v, k) => [labels[k] ?? String(k), v / sum]));
          }
        }
        return out;
      },
    };
  });
}

/** The naive way, for benchmarks only: one pipeline call per text. */
export async function naiveEmbed(m: InstalledModel, modelsDir: string, texts: string[]): Promise<number> {
  const { pipeline } = await configureOffline(modelsDir);
  const extractor = (await pipeline('feature-extraction', m.dir, {
    dtype: dtypeOf(m),
  })) as FeatureExtractionPipeline;
  let dims = 0;
  for (const text of texts) {
    const tensor = await extractor(text, { pooling: 'mean', normalize: true });
    dims = tensor.dims[1] ?? 0;
  }
  return dims;
}
