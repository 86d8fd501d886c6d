export { detectDocument } from './detect/detect-document.ts';
export { defaultGazetteer } from './detect/gazetteer/load-gazetteer.ts';
export { type ClassifierDeps, startClassifier } from './start-classifier.ts';
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
export { importClaimReviews, parseClaimReviews } from './verify/reference-data/claim-review.ts';
export {
  exportKnownNarratives,
  exportVerifiedFacts,
  importKnownNarrativesFile,
  importVerifiedFactsFile,
} from './verify/reference-data/import-references.ts';
