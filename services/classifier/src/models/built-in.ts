import { type ActiveModels, DEFAULT_CHECKWORTHY_MODEL_ID, loadActiveModels } from './active-models.ts';
import { BUILT_IN_MODELS_DIR } from './registry.ts';

let builtIn: Promise<ActiveModels> | undefined;

/** The committed models only (what a fresh clone runs), loaded once per process. */
export function loadBuiltInActiveModels(): Promise<ActiveModels> {
  builtIn ??= loadActiveModels(
    { checkworthyModel: DEFAULT_CHECKWORTHY_MODEL_ID, embeddingModel: undefined, modelBatchSize: 32 },
    { modelsDir: BUILT_IN_MODELS_DIR },
  );
  return builtIn;
}
