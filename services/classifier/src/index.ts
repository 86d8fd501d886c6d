export {
  type ClaimDate,
  type ClaimEntity,
  type ClaimQuantity,
  detectDocument,
} from './detect/detect-document.ts';
export { defaultGazetteer } from './detect/gazetteer/load-gazetteer.ts';
export { checkworthyJsonl } from './jsonl/checkworthy-jsonl.ts';
export { type DetectOutput, detectJsonl } from './jsonl/detect-jsonl.ts';
export {
  type ActiveModels,
  type CheckworthinessScorer,
  chooseCheckworthinessModel,
  loadActiveModels,
  loadCheckworthinessScorer,
} from './models/active-models.ts';
export { importModel, pullModel } from './models/install-model.ts';
export type { InstalledModel, ModelManifest } from './models/manifest.ts';
export { findModel, listInstalledModels, verifyInstalledModels } from './models/registry.ts';
export { loadEmbedder, loadPairClassifier } from './models/transformers-runtime.ts';
export { type ClassifierDeps, startClassifier } from './start-classifier.ts';
export { trainCheckworthiness } from './train/train-checkworthiness.ts';
