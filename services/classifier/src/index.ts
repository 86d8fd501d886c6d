export {
  type ClaimDate,
  type ClaimEntity,
  type ClaimQuantity,
  detectDocument,
} from './detect/detect-document.ts';
export { defaultGazetteer } from './detect/gazetteer/load-gazetteer.ts';
export { checkworthyJsonl } from './jsonl/checkworthy-jsonl.ts';
export { classifyFiles } from './jsonl/classify-jsonl.ts';
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
export {
  hasClef,
  trainAndEvaluateClef,
} from './verify/match/clef-claim-retrieval.ts';
export {
  MATCH_RANKER_ID,
  readInstalledRanker,
  writeInstalledRanker,
} from './verify/match/installed-ranker.ts';
export { matchJsonl } from './verify/match/match-jsonl.ts';
export { loadMatchModels } from './verify/match/match-models.ts';
export { loadNli, nliJsonl } from './verify/nli/nli-jsonl.ts';
export { importClaimReviews, parseClaimReviews } from './verify/reference-data/claim-review.ts';
export {
  exportKnownNarratives,
  exportVerifiedFacts,
  importKnownNarrativesFile,
  importVerifiedFactsFile,
} from './verify/reference-data/import-references.ts';
export { ensureStarterReferenceData } from './verify/reference-data/starter.ts';
