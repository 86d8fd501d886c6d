import {
  listAnsweredClaims,
  listConfirmedPhrasings,
  replaceFlagReferences,
  saveKnownNarrative,
  saveVerifiedFact,
} from '@claimwatch/shared/db';
import {
  buildClaim,
  buildDocument,
  buildFlag,
  createTestDatabase,
  type TestDatabase,
} from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../detect/gazetteer/load-gazetteer.ts';
import { fixtureFacts, fixtureNarratives } from '../verify/testing/reference-fixtures.ts';
import { REFERENCE_DATA_MODEL_ID } from '../verify/verifier.ts';
import { createReferenceCache } from './propose-document-flags.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  for (const f of fixtureFacts) await saveVerifiedFact(t.db, f, { provenance: 'test fixtures' });
  for (const n of fixtureNarratives) await saveKnownNarrative(t.db, n, { provenance: 'test fixtures' });
});
afterAll(async () => {
  await t?.close();
});

// Worded so that nothing in it matches the Korea fact's text: only the confirmation links the two.
const confirmedWording = 'Hai bên bắt tay nhau từ thời tổng thống Roh Tae-woo, theo bài bình luận';
const laterWording = 'Bài bình luận nói hai bên bắt tay từ thời tổng thống Roh Tae-woo';

describe('what people decided, remembered by verification', () => {
  it('confirmed claims: matching remembers their wording, and the reference-data revision changes', async () => {
    const cache = createReferenceCache({ gazetteer: defaultGazetteer() });
    const document = await buildDocument(t.db);
    const claim = await buildClaim(t.db, document.id, { text: confirmedWording });
    const flag = await buildFlag(t.db, {
      claimId: claim.id,
      documentId: document.id,
      reason: 'contradicts_verified_fact',
    });
    await replaceFlagReferences(t.db, flag.id, [
      { kind: 'verified_fact', id: 'vn-jp-diplomatic-relations', version: 1, score: 0.3 },
      { kind: 'verified_fact', id: 'vn-kr-diplomatic-relations', version: 1, score: 0.9 },
    ]);

    const before = await cache(t.db);
    expect(await listConfirmedPhrasings(t.db)).toEqual([]); // still only suggested
    expect(before.set.factMatcher.match(laterWording, 5).map((m) => m.id)).not.toContain(
      'vn-kr-diplomatic-relations',
    );

    await t.db
      .updateTable('flags')
      .set({ status: 'confirmed', decided_at: new Date() })
      .where('id', '=', flag.id)
      .execute();
    expect(await listConfirmedPhrasings(t.db)).toEqual([
      {
        referenceKind: 'verified_fact',
        referenceId: 'vn-kr-diplomatic-relations',
        claimId: claim.id,
        text: confirmedWording,
      },
    ]);

    const after = await cache(t.db);
    expect(after).not.toBe(before);
    expect(after.set.factMatcher.match(laterWording, 5).map((m) => m.id)).toContain(
      'vn-kr-diplomatic-relations',
    );
    const revision = (ctx: typeof before) =>
      ctx.models.find((m) => m.id === REFERENCE_DATA_MODEL_ID)?.revision;
    expect(revision(after)).not.toBe(revision(before));
    expect(await cache(t.db)).toBe(after); // nothing changed since: the context is reused
  });

  it('past responses: claims an approved response answered become references, drafts do not', async () => {
    const cache = createReferenceCache({ gazetteer: defaultGazetteer() });
    const document = await buildDocument(t.db);
    const text = 'Quan chức khẳng định Việt Nam và Hàn Quốc lập quan hệ ngoại giao năm 1995.';
    const claim = await buildClaim(t.db, document.id, { text });
    const flag = await buildFlag(t.db, { claimId: claim.id, documentId: document.id });
    const response = await t.db
      .insertInto('responses')
      .values({ template: 'official_statement', verdict_label: 'false' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('response_flags').values({ response_id: response.id, flag_id: flag.id }).execute();
    const draft = await cache(t.db);
    expect(await listAnsweredClaims(t.db)).toEqual([]);

    await t.db.updateTable('responses').set({ status: 'approved' }).where('id', '=', response.id).execute();
    expect(await listAnsweredClaims(t.db)).toEqual([
      { responseId: response.id, claimId: claim.id, text, verdictLabel: 'false' },
    ]);
    const approved = await cache(t.db);
    expect(approved).not.toBe(draft);
    expect(approved.set.answeredMatcher.match(text, 1).map((m) => m.id)).toEqual([
      `${response.id}#${claim.id}`,
    ]);
  });
});
