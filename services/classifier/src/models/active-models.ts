import type { ClassifierConfig } from '@claimwatch/shared/config';
import type { ModelRef } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import { LANGUAGE_MODEL } from '../detect/identify-language.ts';
import { loadLinearModel, scoreDense, scoreText } from './linear/linear-model.ts';
import { type InstalledModel, verifyModelFiles } from './manifest.ts';
import { findModel, listInstalledModels, type ModelDirs } from './registry.ts';
import { type Embedder, loadEmbedder } from './transformers-runtime.ts';

export const DEFAULT_CHECKWORTHY_MODEL_ID = 'claimwatch-checkworthy-vi-en';

/** The rules (gazetteer relevance, claim type, dates and quantities): versioned like a model. */
export const RULES_MODEL: ModelRef = { id: 'claimwatch-rules', revision: '2' };

export type CheckworthinessScorer = {
  model: ModelRef;
  /** Models this scorer depends on (e.g. the embedding model under a head). */
  uses: ModelRef[];
  threshold: number;
  /** Languages it was trained for (`*`: any, e.g. a head on multilingual embeddings). */
  languages: string[];
  score(texts: string[]): Promise<number[]>;
};

/** The detectors a classifier process runs, and the model set that names them. */
export type ActiveModels = {
  checkworthiness: CheckworthinessScorer;
  models: ModelRef[];
  /** Stored with every classification: a different set means the document is classified again. */
  modelSet: string;
};

export const modelSetOf = (models: ModelRef[]) =>
  models
    .map((m) => `${m.id}@${m.revision}`)
    .sort()
    .join('+');

async function assertIntact(m: InstalledModel): Promise<void> {
  const bad = (await verifyModelFiles(m.dir, m.manifest)).filter((c) => c.status !== 'ok');
  if (bad.length > 0)
    throw new AppError(
      'model_corrupt',
      `${m.manifest.id}: ${bad.map((c) => `${c.file} ${c.status}`).join(', ')}`,
    );
}

/** Loads a `claimwatch-linear` check-worthiness model, with its embedding model when it is a head. */
export async function loadCheckworthinessScorer(
  m: InstalledModel,
  dirs: ModelDirs,
  options: { batchSize?: number } = {},
): Promise<CheckworthinessScorer> {
  if (m.manifest.format !== 'claimwatch-linear' || m.manifest.task !== 'checkworthiness')
    throw new AppError('model_missing', `${m.manifest.id} is not a check-worthiness model`);
  await assertIntact(m);
  const linear = loadLinearModel(m.dir);
  const model = { id: m.manifest.id, revision: m.manifest.revision };
  const threshold = m.manifest.thresholds.yes ?? 0.5;
  const languages = m.manifest.languages;
  if (linear.config.input === 'text')
    return {
      model,
      uses: [],
      threshold,
      languages,
      score: async (texts) => texts.map((t) => scoreText(linear, t)),
    };
  const base = m.manifest.baseModel;
  if (!base) throw new AppError('model_corrupt', `${model.id} is a head without a base model`);
  const installed = findModel(dirs, base.id);
  if (installed.manifest.revision !== base.revision)
    throw new AppError(
      'model_missing',
      `${model.id} was trained on ${base.id}@${base.revision} but ${installed.manifest.revision} is installed: retrain it`,
    );
  const embedder: Embedder = await loadEmbedder(installed, {
    modelsDir: dirs.modelsDir,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  return {
    model,
    uses: [embedder.model],
    threshold,
    languages,
    score: async (texts) => (await embedder.embed(texts)).map((v) => scoreDense(linear, v)),
  };
}

/**
 * Which check-worthiness model runs: the configured id; else a head trained on the configured embedding
 * model (its newest install); else the built-in hashed-n-gram model.
 */
export function chooseCheckworthinessModel(
  config: Pick<ClassifierConfig, 'checkworthyModel' | 'embeddingModel'>,
  dirs: ModelDirs,
): InstalledModel {
  if (config.checkworthyModel) return findModel(dirs, config.checkworthyModel);
  if (config.embeddingModel) {
    const embedding = findModel(dirs, config.embeddingModel);
    const head = listInstalledModels(dirs).find(
      (m) =>
        m.manifest.task === 'checkworthiness' &&
        m.manifest.baseModel?.id === embedding.manifest.id &&
        m.manifest.baseModel.revision === embedding.manifest.revision,
    );
    if (head) return head;
  }
  return findModel(dirs, DEFAULT_CHECKWORTHY_MODEL_ID);
}

export async function loadActiveModels(
  config: Pick<ClassifierConfig, 'checkworthyModel' | 'embeddingModel' | 'modelBatchSize'>,
  dirs: ModelDirs,
): Promise<ActiveModels> {
  const checkworthiness = await loadCheckworthinessScorer(chooseCheckworthinessModel(config, dirs), dirs, {
    batchSize: config.modelBatchSize,
  });
  const models = [LANGUAGE_MODEL, RULES_MODEL, checkworthiness.model, ...checkworthiness.uses];
  return { checkworthiness, models, modelSet: modelSetOf(models) };
}
