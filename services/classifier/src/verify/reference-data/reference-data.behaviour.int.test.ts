import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  getVerifiedFact,
  listAuditEvents,
  listClaimReviews,
  listPendingReferenceChanges,
  listVerifiedFactVersions,
  saveVerifiedFact,
} from '@claimwatch/shared/db';
import { createTestDatabase, type TestDatabase } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFacts, fixtureFactsFile, fixtureNarrativesFile } from '../testing/reference-fixtures.ts';
import { importClaimReviews } from './claim-review.ts';
import {
  exportKnownNarratives,
  exportVerifiedFacts,
  importKnownNarrativesFile,
  importVerifiedFactsFile,
} from './import-references.ts';

let t: TestDatabase;
const dir = mkdtempSync(path.join(tmpdir(), 'cw-refs-'));
const factsFile = path.join(dir, 'facts.json');
const narrativesFile = path.join(dir, 'narratives.json');

beforeAll(async () => {
  t = await createTestDatabase();
  writeFileSync(factsFile, fixtureFactsFile());
  writeFileSync(narrativesFile, fixtureNarrativesFile());
});
afterAll(async () => t?.close());

describe('reference data import, edit and export', () => {
  it('imports facts once; a second import of the same file changes nothing', async () => {
    const first = await importVerifiedFactsFile(t.db, factsFile, { approvedByName: 'Test Editor' });
    expect(first).toEqual({ created: fixtureFacts.length, updated: 0, unchanged: 0 });
    const again = await importVerifiedFactsFile(t.db, factsFile, { approvedByName: 'Test Editor' });
    expect(again).toEqual({ created: 0, updated: 0, unchanged: fixtureFacts.length });
    const stored = await getVerifiedFact(t.db, 'vn-kr-diplomatic-relations');
    expect(stored).toMatchObject({
      version: 1,
      approvedByName: 'Test Editor',
      provenance: 'facts.json: test fixture',
      structured: { parties: ['VN', 'KR'], date: '1992-12-22' },
    });
  });

  it('keeps every version of an edited fact, audits it and queues a re-evaluation', async () => {
    const before = (await listPendingReferenceChanges(t.db, 1000)).length;
    const edited = { ...fixtureFacts[0]!, tags: ['korea', 'edited'] };
    const outcome = await t.db.transaction().execute((trx) =>
      saveVerifiedFact(trx, edited, {
        provenance: 'edited in a test',
        changedByUserId: null,
        note: 'add tags',
      }),
    );
    expect(outcome).toBe('updated');
    const versions = await listVerifiedFactVersions(t.db, edited.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]).toMatchObject({ note: 'add tags', snapshot: { tags: ['korea', 'edited'] } });
    expect((await getVerifiedFact(t.db, edited.id))?.version).toBe(2);
    const changes = await listPendingReferenceChanges(t.db, 1000);
    expect(changes.length).toBe(before + 1);
    expect(changes.at(-1)).toMatchObject({ kind: 'verified_fact', referenceId: edited.id, version: 2 });
    const audit = await listAuditEvents(t.db, 'verified_fact', edited.id);
    expect(audit.map((a) => a.action)).toEqual(['verified_fact.created', 'verified_fact.updated']);
  });

  it('imports narratives that cite stored facts and exports both in the import layout', async () => {
    expect(await importKnownNarrativesFile(t.db, narrativesFile)).toMatchObject({ created: 2 });
    const facts = await exportVerifiedFacts(t.db);
    expect(facts.facts).toHaveLength(fixtureFacts.length);
    const exportedFile = path.join(dir, 'exported.json');
    writeFileSync(exportedFile, JSON.stringify(facts));
    // Round trip: the export is a valid import and matches what is stored.
    expect(await importVerifiedFactsFile(t.db, exportedFile)).toEqual({
      created: 0,
      updated: 0,
      unchanged: fixtureFacts.length,
    });
    const narratives = await exportKnownNarratives(t.db);
    expect(narratives.narratives.map((n) => n.refutedBy)).toEqual([
      ['vn-brics-partner-country'],
      ['vn-defence-four-nos'],
    ]);
  });

  it('rolls back a whole file when one record is invalid', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        facts: [
          { ...fixtureFacts[1], id: 'new-fact-ok' },
          { ...fixtureFacts[1], id: 'x', sources: [] },
        ],
      }),
    );
    await expect(importVerifiedFactsFile(t.db, bad)).rejects.toThrow(/fact #2 \(x\) field sources/);
    expect(await getVerifiedFact(t.db, 'new-fact-ok')).toBeUndefined();
  });

  it('imports ClaimReview JSON-LD idempotently', async () => {
    const doc = JSON.stringify({
      '@type': 'ClaimReview',
      url: 'https://fc.example/review/1',
      claimReviewed: 'Vietnam became a full member of BRICS',
      reviewRating: { alternateName: 'False' },
    });
    expect(await importClaimReviews(t.db, 'cr.json', doc)).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await importClaimReviews(t.db, 'cr.json', doc)).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await listClaimReviews(t.db)).map((r) => r.rating)).toEqual(['False']);
  });
});
