import { withEmbeddingCache } from '../../models/embedding-cache.ts';
import { findModel } from '../../models/registry.ts';
import { loadEmbedder } from '../../models/transformers-runtime.ts';
import { type RankerFile, readInstalledRanker } from './installed-ranker.ts';
import type { Ranker } from './linear-ranker.ts';
import type { DenseModel } from './match-jsonl.ts';

export type MatchModels = {
  installed: RankerFile | undefined;
  ranker: Ranker | undefined;
  embedding: DenseModel | undefined;
  /** Set when `embedding` is the model the installed ranker's dense part was trained with. */
  denseRanker: Ranker | undefined;
  /** What was left out and why, for the operator. */
  notes: string[];
};

export type MatchModelChoice = {
  modelsDir: string;
  batchSize: number;
  /** False: first stage only. */
  rerank: boolean;
  /** False: no sentence-embedding model at all. */
  dense: boolean;
  /** Asked for by name (`--embedding`, else CLASSIFIER_EMBEDDING_MODEL): missing is an error. */
  embeddingId?: string | undefined;
  /** Where vectors already computed are kept between runs (embedding-cache.ts); none: always embed. */
  cacheDir?: string | undefined;
};

/**
 * The models `claimwatch match` runs with: the installed re-ranker, and the embedding model asked for or,
 * failing that, the one the re-ranker's dense part was trained with (a missing one of those only drops the
 * dense part: matching still works lexically).
 */
export async function loadMatchModels(choice: MatchModelChoice): Promise<MatchModels> {
  const installed = choice.rerank ? readInstalledRanker(choice.modelsDir) : undefined;
  const notes: string[] = [];
  const trainedOn = installed?.dense?.embedding;
  let model: ReturnType<typeof findModel> | undefined;
  if (choice.dense && choice.embeddingId)
    model = findModel({ modelsDir: choice.modelsDir }, choice.embeddingId);
  else if (choice.dense && trainedOn) {
    try {
      model = findModel({ modelsDir: choice.modelsDir }, trainedOn.id);
    } catch {
      notes.push(
        `${trainedOn.id} (the re-ranker's embedding model) is not installed: lexical re-ranking only`,
      );
    }
  }
  const loaded = model
    ? await loadEmbedder(model, { modelsDir: choice.modelsDir, batchSize: choice.batchSize })
    : undefined;
  const embedder = loaded && choice.cacheDir ? withEmbeddingCache(loaded, choice.cacheDir) : loaded;
  const sameModel =
    embedder && trainedOn?.id === embedder.model.id && trainedOn.revision === embedder.model.revision;
  if (embedder && trainedOn && !sameModel)
    notes.push(
      `the re-ranker was trained with ${trainedOn.id}@${trainedOn.revision}, not ${embedder.model.id}@${embedder.model.revision}: its ranking is fused instead`,
    );
  return {
    installed,
    ranker: installed?.ranker,
    embedding: model && embedder ? { embedder, languages: model.manifest.languages } : undefined,
    denseRanker: sameModel ? installed?.dense?.ranker : undefined,
    notes,
  };
}
