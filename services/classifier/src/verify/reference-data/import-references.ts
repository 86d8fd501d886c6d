import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Db,
  listKnownNarratives,
  listVerifiedFacts,
  type ReferenceApproval,
  type SaveOutcome,
  saveKnownNarrative,
  saveVerifiedFact,
} from '@claimwatch/shared/db';
import { parseFactsFile, parseNarrativesFile } from './reference-files.ts';

export type ImportCounts = Record<SaveOutcome, number>;

const count = (outcomes: SaveOutcome[]): ImportCounts => ({
  created: outcomes.filter((o) => o === 'created').length,
  updated: outcomes.filter((o) => o === 'updated').length,
  unchanged: outcomes.filter((o) => o === 'unchanged').length,
});

/** The provenance recorded when the file does not carry one: starter data must be checked by people. */
const provenanceOf = (file: string, status: string | undefined) =>
  status ? `${path.basename(file)}: ${status}` : path.basename(file);

/**
 * Imports a facts file in one transaction: all or nothing. Existing facts are edited (new version) only
 * when their content differs; re-importing the same file changes nothing.
 */
export async function importVerifiedFactsFile(
  db: Db,
  file: string,
  approval: Partial<ReferenceApproval> = {},
): Promise<ImportCounts> {
  const parsed = parseFactsFile(file, readFileSync(file, 'utf8'));
  const full: ReferenceApproval = {
    ...approval,
    provenance: approval.provenance ?? provenanceOf(file, parsed.status),
  };
  return db.transaction().execute(async (trx) => {
    const outcomes: SaveOutcome[] = [];
    for (const fact of parsed.records) outcomes.push(await saveVerifiedFact(trx, fact, full));
    return count(outcomes);
  });
}

/** Narratives may only cite facts that exist (in the database, or in `factsFile` when given). */
export async function importKnownNarrativesFile(
  db: Db,
  file: string,
  approval: Partial<ReferenceApproval> = {},
): Promise<ImportCounts> {
  const known = new Set((await listVerifiedFacts(db, { includeRetired: true })).map((f) => f.id));
  const parsed = parseNarrativesFile(file, readFileSync(file, 'utf8'), known);
  const full: ReferenceApproval = {
    ...approval,
    provenance: approval.provenance ?? provenanceOf(file, parsed.status),
  };
  return db.transaction().execute(async (trx) => {
    const outcomes: SaveOutcome[] = [];
    for (const narrative of parsed.records) outcomes.push(await saveKnownNarrative(trx, narrative, full));
    return count(outcomes);
  });
}

/** The same layout the import reads, so export → import round-trips. */
export async function exportVerifiedFacts(db: Db, options: { includeRetired?: boolean } = {}) {
  const facts = await listVerifiedFacts(db, options);
  return {
    name: 'ClaimWatch verified facts',
    exportedAt: new Date().toISOString(),
    facts: facts.map((f) => ({
      id: f.id,
      kind: f.kind,
      structured: f.structured,
      text: f.text,
      sources: f.sources,
      tags: f.tags,
      status: f.status,
      version: f.version,
      provenance: f.provenance,
      approvedBy: f.approvedByName ?? f.approvedByUserId,
      approvedAt: f.approvedAt?.toISOString() ?? null,
    })),
  };
}

export async function exportKnownNarratives(db: Db, options: { includeRetired?: boolean } = {}) {
  const narratives = await listKnownNarratives(db, options);
  return {
    name: 'ClaimWatch known narratives',
    exportedAt: new Date().toISOString(),
    narratives: narratives.map((n) => ({
      id: n.id,
      title: n.title,
      description: n.description,
      examplePhrasings: n.examplePhrasings,
      refutedBy: n.refutedBy,
      firstSeen: n.firstSeen,
      status: n.status,
      version: n.version,
      provenance: n.provenance,
      approvedBy: n.approvedByName ?? n.approvedByUserId,
      approvedAt: n.approvedAt?.toISOString() ?? null,
    })),
  };
}
