import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@claimwatch/shared/config';
import {
  listFlagReferences,
  listFlagsForDocument,
  recordReferenceChange,
  saveKnownNarrative,
  saveVerifiedFact,
} from '@claimwatch/shared/db';
import { createLogger } from '@claimwatch/shared/logging';
import { createQueues, type Queues } from '@claimwatch/shared/queues';
import {
  buildDocument,
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
  waitFor,
} from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../detect/gazetteer/load-gazetteer.ts';
import { type RunningClassifier, startClassifier } from '../start-classifier.ts';
import { fixtureFacts, fixtureNarratives } from './testing/reference-fixtures.ts';

let t: TestDatabase;
let q: TestQueues;
let queues: Queues;
let classifier: RunningClassifier;
const modelsDir = mkdtempSync(path.join(tmpdir(), 'cw-int-past-'));

beforeAll(async () => {
  t = await createTestDatabase();
  q = await createTestQueues();
  queues = createQueues(q.redis, q.prefix);
  for (const f of fixtureFacts) await saveVerifiedFact(t.db, f, { provenance: 'test fixtures' });
  for (const n of fixtureNarratives) await saveKnownNarrative(t.db, n, { provenance: 'test fixtures' });
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  classifier = startClassifier({
    db: t.db,
    redis: q.redis,
    queues,
    prefix: q.prefix,
    config: config.classifier,
    logger: createLogger(config.logging, 'test'),
    modelsDir,
    gazetteer: defaultGazetteer(),
    sweepEveryMs: 3_600_000,
  });
  await classifier.reevaluateReferences(); // the fixture imports: no document yet
});
afterAll(async () => {
  await classifier?.close();
  await queues?.close();
  await q?.close();
  await t?.close();
  rmSync(modelsDir, { recursive: true, force: true });
});

async function classified(text: string) {
  const document = await buildDocument(t.db, {
    text,
    title: 'Việt Nam – Hàn Quốc',
    lang: null,
    publishedAt: new Date('2026-11-01T00:00:00Z'),
  });
  await queues.enqueue('classify', {
    documentId: document.id,
    contentHash: document.content_hash.slice(0, 16),
  });
  const [flag] = await waitFor(async () => {
    const rows = await listFlagsForDocument(t.db, document.id);
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
    expect((await listFlagReferences(t.db, repeating.flag.id)).map((r) => r.kind)).not.toContain('response');

    const response = await t.db
      .insertInto('responses')
      .values({ template: 'official_statement', verdict_label: 'false', status: 'approved' })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('response_flags')
      .values({ response_id: response.id, flag_id: answered.flag.id })
      .execute();
    // What the review UI's approval records (tested there): a reference change of kind response.
    await recordReferenceChange(t.db, 'response', response.id, response.version);

    expect(await classifier.reevaluateReferences()).toBe(1);
    const refs = await waitFor(async () => {
      const [flag] = await listFlagsForDocument(t.db, repeating.document.id);
      const rows = flag ? await listFlagReferences(t.db, flag.id) : [];
      return rows.some((r) => r.kind === 'response') ? rows : undefined;
    });
    expect(refs.find((r) => r.kind === 'response')?.id).toBe(response.id);
    expect(refs).toContainEqual(
      expect.objectContaining({ kind: 'verified_fact', id: 'vn-kr-diplomatic-relations' }),
    );
    const [other] = await listFlagsForDocument(t.db, unrelated.document.id);
    expect((await listFlagReferences(t.db, other!.id)).map((r) => r.kind)).not.toContain('response');
  });
});
