import { type Db, listKnownNarratives, listVerifiedFacts } from '@claimwatch/shared/db';
import { STARTER_FACTS_FILE, STARTER_NARRATIVES_FILE } from '../verifier.ts';
import {
  type ImportCounts,
  importKnownNarrativesFile,
  importVerifiedFactsFile,
} from './import-references.ts';

/**
 * First start: when the database holds no verified facts (or no narratives), the starter sets shipped in
 * infra/reference-data are imported, marked with their status ("starter — verify before operational use").
 * Afterwards people own the registry: nothing is imported again, even when they retire every record.
 */
export async function ensureStarterReferenceData(
  db: Db,
): Promise<{ facts?: ImportCounts; narratives?: ImportCounts }> {
  const out: { facts?: ImportCounts; narratives?: ImportCounts } = {};
  if ((await listVerifiedFacts(db, { includeRetired: true })).length === 0)
    out.facts = await importVerifiedFactsFile(db, STARTER_FACTS_FILE);
  if ((await listKnownNarratives(db, { includeRetired: true })).length === 0)
    out.narratives = await importKnownNarrativesFile(db, STARTER_NARRATIVES_FILE);
  return out;
}
