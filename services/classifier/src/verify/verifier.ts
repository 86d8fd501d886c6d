import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer } from '../detect/gazetteer/gazetteer.ts';
import { nfc, normaliseToneMarks } from '../detect/normalise-text.ts';
import { readInstalledRanker } from './match/installed-ranker.ts';
import { defaultVerifyPolicy, type VerifyPolicy } from './policy/verify-policy.ts';
import { parseFactsFile, parseNarrativesFile } from './reference-data/reference-files.ts';
import {
  type AnsweredLink,
  buildReferenceSet,
  type ConfirmedLink,
  type ReferenceSet,
  type VersionedFact,
  type VersionedNarrative,
} from './reference-set.ts';
import {
  type ModelRef,
  type PairClassifier,
  referenceDataRevision,
  type VerifyContext,
} from './verify-claims.ts';

const referenceDataDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../infra/reference-data',
);
/** The starter reference data shipped with the project ("starter — verify before operational use"). */
export const STARTER_FACTS_FILE = path.join(referenceDataDir, 'verified-facts.starter.json');
export const STARTER_NARRATIVES_FILE = path.join(referenceDataDir, 'known-narratives.starter.json');

/** Facts and narratives from files in the import layout (default: the starter sets). */
export function readReferenceFiles(
  factsFile = STARTER_FACTS_FILE,
  narrativesFile = STARTER_NARRATIVES_FILE,
): { facts: VersionedFact[]; narratives: VersionedNarrative[] } {
  const facts = parseFactsFile(factsFile, readFileSync(factsFile, 'utf8')).records;
  const narratives = parseNarrativesFile(
    narrativesFile,
    readFileSync(narrativesFile, 'utf8'),
    new Set(facts.map((f) => f.id)),
  ).records;
  return { facts, narratives };
}

export const readStarterReferenceData = () => readReferenceFiles();

/** Entities in a reference text, found the way detection finds them in claims (tone marks normalised). */
export const entityFinder = (gazetteer: Gazetteer) => (text: string) =>
  gazetteer.find(normaliseToneMarks(nfc(text)));

export const REFERENCE_DATA_MODEL_ID = 'claimwatch-reference-data';

export type VerifierOptions = {
  gazetteer: Gazetteer;
  /** Operator models directory: the learned match re-ranker is read from it when installed. */
  modelsDir?: string | undefined;
  policy?: VerifyPolicy | undefined;
  nli?: PairClassifier | undefined;
  /** Claims reviewers confirmed against a reference: matching remembers their wording. */
  confirmed?: readonly ConfirmedLink[] | undefined;
  /** Claims approved responses answered: past responses are references too. */
  answered?: readonly AnsweredLink[] | undefined;
};

/**
 * Everything verification needs for one version of the reference data: the reference set (indexes built
 * once), the policy, and the provenance every flag records (ranker, reference-data revision, policy, NLI).
 */
export function createVerifyContext(
  facts: readonly VersionedFact[],
  narratives: readonly VersionedNarrative[],
  options: VerifierOptions,
): VerifyContext & { set: ReferenceSet } {
  const installed = options.modelsDir ? readInstalledRanker(options.modelsDir) : undefined;
  const set = buildReferenceSet(facts, narratives, entityFinder(options.gazetteer), {
    ranker: installed?.ranker,
    confirmed: options.confirmed,
    answered: options.answered,
  });
  const policy = options.policy ?? defaultVerifyPolicy();
  const models: ModelRef[] = [
    { id: REFERENCE_DATA_MODEL_ID, revision: referenceDataRevision(set.versions, set.memoryKeys) },
    { id: policy.id, revision: policy.revision },
    ...(installed ? [{ id: installed.id, revision: installed.revision }] : []),
  ];
  return { set, policy, models, nli: options.nli };
}
