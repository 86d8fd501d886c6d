import { loadConfig } from '@claimwatch/shared/config';
import { getClassification, listClaimsForDocument, listFlagsForDocument } from '@claimwatch/shared/db';
import { createLogger } from '@claimwatch/shared/logging';
import { createQueues, type Queues } from '@claimwatch/shared/queues';
import {
  buildDocument,
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
} from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClassifier } from './start-classifier.ts';

let t: TestDatabase;
let q: TestQueues;
let queues: Queues;
let classifier: { close(): Promise<void> };

beforeAll(async () => {
  t = await createTestDatabase();
  q = await createTestQueues();
  queues = createQueues(q.redis, q.prefix);
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  classifier = startClassifier({
    db: t.db,
    redis: q.redis,
    queues,
    prefix: q.prefix,
    config: config.classifier,
    logger: createLogger(config.logging, 'test'),
  });
});
afterAll(async () => {
  await classifier?.close();
  await queues?.close();
  await q?.close();
  await t?.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const text = [
  'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao ngày 22/12/1992.',
  'Trời hôm nay nắng đẹp ở Hà Nội.',
  'Hai nước đã nâng cấp quan hệ lên Đối tác chiến lược toàn diện năm 2022.',
].join(' ');

describe('classify and verify workers (real Redis, BullMQ and database)', () => {
  it('stores language, relevant claims with provenance, and suggested flags; re-running changes nothing', async () => {
    const document = await buildDocument(t.db, { text, title: 'Việt Nam – Hàn Quốc', lang: null });
    await queues.enqueue('classify', {
      documentId: document.id,
      contentHash: document.content_hash.slice(0, 16),
    });

    const flags = await waitFor(async () => {
      const rows = await listFlagsForDocument(t.db, document.id);
      return rows.length > 0 ? rows : undefined;
    });
    const classification = await getClassification(t.db, document.id);
    expect(classification?.lang).toBe('vi');
    const claims = await listClaimsForDocument(t.db, document.id);
    expect(claims.map((c) => c.text)).toEqual([
      'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao ngày 22/12/1992.',
    ]);
    expect(claims[0]).toMatchObject({
      claim_type: 'relations_established',
      model_id: 'claimwatch-rules-relevance',
    });
    expect(text.slice(claims[0]!.start_offset, claims[0]!.end_offset)).toBe(claims[0]!.text);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      status: 'suggested',
      reason: 'unverified_checkworthy',
      claim_id: claims[0]!.id,
    });

    // The same job again (e.g. a retry after a crash) keeps one claim and one flag.
    await queues.enqueue('classify', {
      documentId: document.id,
      contentHash: document.content_hash.slice(0, 16),
      modelSet: 'again',
    });
    await waitFor(async () =>
      (await queues.queue('verify').getJobCounts('completed')).completed >= 2 ? true : undefined,
    );
    expect(await listClaimsForDocument(t.db, document.id)).toHaveLength(1);
    expect(await listFlagsForDocument(t.db, document.id)).toHaveLength(1);
  });
});
