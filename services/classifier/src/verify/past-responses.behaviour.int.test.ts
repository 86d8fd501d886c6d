import { listFlagReferences, listFlagsForDocument, recordReferenceChange } from '@claimwatch/shared/db';
import { buildDocument, waitFor } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClassifierHarness, startClassifierHarness } from '../testing/running-classifier.ts';

let h: ClassifierHarness;
beforeAll(async () => {
  h = await startClassifierHarness();
  await h.classifier.reevaluateReferences(); // the fixture imports: no document yet
});
afterAll(async () => {
  await h?.close();
});

async function classified(text: string) {
  const document = await buildDocument(h.t.db, {
    text,
    title: 'Việt Nam – Hàn Quốc',
    lang: null,
    publishedAt: new Date('2026-11-01T00:00:00Z'),
  });
  await h.queues.enqueue('classify', {
    documentId: document.id,
    contentHash: document.content_hash.slice(0, 16),
  });
  const [flag] = await waitFor(async () => {
    const rows = await listFlagsForDocument(h.t.db, document.id);
    return rows.length > 0 ? rows : undefined;
  });
  return { document, flag: flag! };
}

describe('past responses (real Redis, BullMQ and database)', () => {
  it('approving a response re-verifies suggestions that repeat its claim, and their flags then cite it', async () => {
    const answered = await classified(
      'Kể từ khi thiết lập quan hệ ngoại giao năm 1995, Việt Nam và Hàn Quốc đã trở thành đối tác kinh tế hàng đầu.',
    );
    const repeating = await classified(
      'Việt Nam và Hàn Quốc đã trở thành đối tác kinh tế hàng đầu kể từ khi thiết lập quan hệ ngoại giao năm 1995.',
    );
    const unrelated = await classified(
      'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao năm 1975, quan chức cho biết.',
    );
    expect((await listFlagReferences(h.t.db, repeating.flag.id)).map((r) => r.kind)).not.toContain(
      'response',
    );

    const response = await h.t.db
      .insertInto('responses')
      .values({ template: 'official_statement', verdict_label: 'false', status: 'approved' })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await h.t.db
      .insertInto('response_flags')
      .values({ response_id: response.id, flag_id: answered.flag.id })
      .execute();
    // What the review UI's approval records (tested there): a reference change of kind response.
    await recordReferenceChange(h.t.db, 'response', response.id, response.version);

    expect(await h.classifier.reevaluateReferences()).toBe(1);
    const refs = await waitFor(async () => {
      const [flag] = await listFlagsForDocument(h.t.db, repeating.document.id);
      const rows = flag ? await listFlagReferences(h.t.db, flag.id) : [];
      return rows.some((r) => r.kind === 'response') ? rows : undefined;
    });
    expect(refs.find((r) => r.kind === 'response')?.id).toBe(response.id);
    expect(refs).toContainEqual(
      expect.objectContaining({ kind: 'verified_fact', id: 'vn-kr-diplomatic-relations' }),
    );
    const [other] = await listFlagsForDocument(h.t.db, unrelated.document.id);
    expect((await listFlagReferences(h.t.db, other!.id)).map((r) => r.kind)).not.toContain('response');
  });
});
