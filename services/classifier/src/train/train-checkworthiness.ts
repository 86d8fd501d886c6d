import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  DEFAULT_FEATURE_SPEC,
  type FeatureSpec,
  featurize,
  type SparseVector,
} from '../models/linear/hashed-features.ts';
import { type LinearModel, saveLinearModel, scoreSparse } from '../models/linear/linear-model.ts';
import { trainLogistic } from '../models/linear/train-logistic.ts';
import type { ModelManifest } from '../models/manifest.ts';
import { BUILT_IN_MODELS_DIR } from '../models/registry.ts';
import type { Embedder } from '../models/transformers-runtime.ts';
import {
  CHECKTHAT_DIR,
  checkworthyExamples,
  type Example,
  readCheckThat,
  readClaimsViEn,
} from './datasets.ts';
import { binaryMetrics } from './metrics.ts';

/**
 * `claims-vi-en`: the project's own MIT set (the committed model). `checkthat`: CheckThat! 2024 English
 * (research use, local only). `checkthat+claims-vi-en`: both training sets together (local only).
 */
export type CheckworthinessData = 'claims-vi-en' | 'checkthat' | 'checkthat+claims-vi-en';

export const DEFAULT_CHECKWORTHY_MODEL = 'claimwatch-checkworthy-vi-en';
export const CHECKTHAT_CHECKWORTHY_MODEL = 'claimwatch-checkworthy-en-checkthat';
export const COMBINED_CHECKWORTHY_MODEL = 'claimwatch-checkworthy-vi-en-checkthat';

/** The built-in model uses the project's MIT data, so it may be committed; CheckThat-trained ones stay local. */
export function defaultCheckworthyModelId(data: CheckworthinessData, embedder?: Embedder): string {
  const base =
    data === 'checkthat'
      ? CHECKTHAT_CHECKWORTHY_MODEL
      : data === 'checkthat+claims-vi-en'
        ? COMBINED_CHECKWORTHY_MODEL
        : DEFAULT_CHECKWORTHY_MODEL;
  return embedder ? `${base}-head-${embedder.model.id.replace(/[^\w.-]+/g, '_')}` : base;
}

export type TrainCheckworthinessOptions = {
  data: CheckworthinessData;
  sharedDataDir: string;
  modelsDir: string;
  /** Where to write; default: built-in models for claims-vi-en, the models directory otherwise. */
  outDir?: string;
  id?: string;
  /** Candidate inverse regularisation strengths; the best on held-out data wins. */
  cGrid?: number[];
  features?: FeatureSpec;
  /** Train a head on this embedding model's sentence vectors instead of hashed n-grams. */
  embedder?: Embedder;
  log?: (line: string) => void;
};

export type TrainingReport = {
  manifest: ModelManifest;
  dir: string;
  selection: { c: number; f1: number }[];
  chosenC: number;
};

/** Threshold 0.5 on a class-balanced model: prior-free, so it does not chase the tuning set's class mix. */
const THRESHOLD = 0.5;

async function vectorise(
  examples: Example[],
  features: FeatureSpec,
  embedder: Embedder | undefined,
): Promise<SparseVector[]> {
  if (!embedder) return examples.map((e) => featurize(e.text, features));
  const vectors = await embedder.embed(examples.map((e) => e.text));
  return vectors.map((v) => ({
    indices: Uint32Array.from(v, (_, i) => i),
    values: Float32Array.from(v),
  }));
}

function fit(rows: SparseVector[], labels: number[], dimension: number, c: number): LinearModel['weights'] {
  const { weights, bias } = trainLogistic(rows, labels, dimension, { c, balanced: true });
  const out = new Float32Array(dimension + 1);
  out.set(weights);
  out[dimension] = bias;
  return out;
}

const asModel = (packed: Float32Array, dimension: number, input: 'text' | 'embedding'): LinearModel => ({
  config: { input, dimension, bias: packed[dimension]! },
  weights: packed.subarray(0, dimension),
});

function f1At(model: LinearModel, rows: SparseVector[], labels: number[]): number {
  return binaryMetrics(
    labels as (0 | 1)[],
    rows.map((r) => (scoreSparse(model, r) >= THRESHOLD ? 1 : 0)),
  ).f1;
}

/** Fold of an id for cross-validation: stable, from the id alone. */
const foldOf = (id: string, folds: number) => createHash('sha256').update(id).digest()[1]! % folds;

/**
 * Trains the check-worthiness classifier: class-balanced L2 logistic regression over hashed word and
 * character n-grams and structural markers (or over sentence embeddings for a head). C is chosen on
 * held-out data: CheckThat's dev set, or 5-fold cross-validation within the train split of claims-vi-en.
 */
export async function trainCheckworthiness(options: TrainCheckworthinessOptions): Promise<TrainingReport> {
  const log = options.log ?? (() => {});
  const features = options.features ?? DEFAULT_FEATURE_SPEC;
  const embedder = options.embedder;
  const input = embedder ? 'embedding' : 'text';
  const usesCheckThat = options.data !== 'claims-vi-en';
  const cGrid = options.cGrid ?? (usesCheckThat ? [0.3, 1, 3] : [0.3, 1, 3, 10]);
  const selection: { c: number; f1: number }[] = [];
  let chosen: { c: number; weights: Float32Array; f1: number } | undefined;
  let dimension = 1 << features.bits;
  let trainSize = 0;

  if (usesCheckThat) {
    const train = [
      ...readCheckThat(options.sharedDataDir, 'train'),
      ...(options.data === 'checkthat+claims-vi-en'
        ? checkworthyExamples(readClaimsViEn().filter((r) => r.split === 'train'))
        : []),
    ];
    const dev = readCheckThat(options.sharedDataDir, 'dev');
    log(`featurising ${train.length} train and ${dev.length} dev sentences`);
    const trainRows = await vectorise(train, features, embedder);
    const devRows = await vectorise(dev, features, embedder);
    if (embedder) dimension = trainRows[0]?.indices.length ?? 0;
    trainSize = train.length;
    for (const c of cGrid) {
      const weights = fit(
        trainRows,
        train.map((e) => e.label),
        dimension,
        c,
      );
      const f1 = f1At(
        asModel(weights, dimension, input),
        devRows,
        dev.map((e) => e.label),
      );
      selection.push({ c, f1 });
      log(`C=${c}: dev F1(Yes) ${f1.toFixed(3)}`);
      if (!chosen || f1 > chosen.f1) chosen = { c, weights, f1 };
    }
  } else {
    const train = checkworthyExamples(readClaimsViEn().filter((r) => r.split === 'train'));
    const rows = await vectorise(train, features, embedder);
    if (embedder) dimension = rows[0]?.indices.length ?? 0;
    trainSize = train.length;
    const labels = train.map((e) => e.label);
    for (const c of cGrid) {
      const gold: (0 | 1)[] = [];
      const predicted: (0 | 1)[] = [];
      for (let fold = 0; fold < 5; fold++) {
        const inFold = train.map((e) => foldOf(e.id, 5) === fold);
        const weights = fit(
          rows.filter((_, i) => !inFold[i]),
          labels.filter((_, i) => !inFold[i]),
          dimension,
          c,
        );
        const model = asModel(weights, dimension, input);
        rows.forEach((r, i) => {
          if (!inFold[i]) return;
          gold.push(train[i]!.label);
          predicted.push(scoreSparse(model, r) >= THRESHOLD ? 1 : 0);
        });
      }
      const f1 = binaryMetrics(gold, predicted).f1;
      selection.push({ c, f1 });
      log(`C=${c}: 5-fold cross-validated F1(checkworthy) ${f1.toFixed(3)}`);
      if (!chosen || f1 > chosen.f1) chosen = { c, weights: new Float32Array(0), f1 };
    }
    chosen = { ...chosen!, weights: fit(rows, labels, dimension, chosen!.c) };
  }

  const id = options.id ?? defaultCheckworthyModelId(options.data, embedder);
  const dir =
    options.outDir ??
    (options.data === 'claims-vi-en' && !embedder
      ? path.join(BUILT_IN_MODELS_DIR, id)
      : path.join(options.modelsDir, id));
  const model = asModel(chosen!.weights, dimension, input);
  const manifest = await saveLinearModel(
    dir,
    { config: { ...model.config, ...(embedder ? {} : { features }) }, weights: model.weights },
    {
      id,
      task: 'checkworthiness',
      // A head on multilingual sentence embeddings carries across languages; hashed n-grams do not.
      languages: embedder ? ['*'] : options.data === 'checkthat' ? ['en'] : ['vi', 'en'],
      thresholds: { yes: THRESHOLD },
      ...(embedder ? { baseModel: embedder.model } : {}),
      licence: usesCheckThat
        ? 'Trained on CheckThat! 2024 task 1 data (research use): keep local, do not redistribute'
        : 'MIT (trained only on the project’s own claims-vi-en set)',
      source: 'claimwatch train checkworthiness',
      training: {
        data: usesCheckThat
          ? `${CHECKTHAT_DIR} train${options.data === 'checkthat' ? '' : ' + claims-vi-en split=train'} (C chosen on CheckThat dev)`
          : 'claims-vi-en split=train',
        sentences: trainSize,
        algorithm: 'class-balanced L2 logistic regression, L-BFGS',
        input: embedder
          ? `sentence embedding of ${embedder.model.id}@${embedder.model.revision}`
          : 'hashed n-grams',
        c: chosen!.c,
        selection,
      },
    },
  );
  log(`wrote ${manifest.id}@${manifest.revision} to ${dir}`);
  return { manifest, dir, selection, chosenC: chosen!.c };
}
