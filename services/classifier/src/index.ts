export { detectDocument } from './detect/detect-document.ts';
export { defaultGazetteer } from './detect/gazetteer/load-gazetteer.ts';
export { type ClassifierDeps, startClassifier } from './start-classifier.ts';
