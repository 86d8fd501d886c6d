import {
  getVerifiedFact,
  listFlagReferences,
  listFlagsForDocument,
  saveVerifiedFact,
} from '@claimwatch/shared/db';
import type { Queues } from '@claimwatch/shared/queues';
import { buildDocument, createTestDatabase, type TestDatabase, waitFor } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningClassifier } from '../start-classifier.ts';
import { type ClassifierHarness, startClassifierHarness } from '../testing/running-classifier.ts';
import { ensureStarterReferenceData } from './reference-data/starter.ts';

let h: ClassifierHarness;
let t: TestDatabase;
let queues: Queues;
let classifier: RunningClassifier;

beforeAll(async () => {
  h = await startClassifierHarness();
  ({ t, queues, classifier } = h);
  // The fixture imports are reference changes too; no document exists yet, so none is queued.
  expect(await classifier.reevaluateReferences()).toBe(0);
});
afterAll(async () => {
  await h?.close();
});

const completedVerify = async () => (await queues.queue('verify').getJobCounts('completed')).completed ?? 0;

const wrongYear =
  'Kể từ khi thiết lập quan hệ ngoại giao năm 1995, Việt Nam và Hàn Quốc đã trở thành đối tác kinh tế hàng đầu của nhau.';
const alliance = 'Với văn kiện vừa ký, Việt Nam đã chính thức gia nhập liên minh quân sự với Nga.';

describe('verify worker (real Redis, BullMQ and database)', () => {
  it('flags a contradicted fact and a repeated narrative with evidence, references and provenance; re-running is idempotent; a fact edit re-evaluates', async () => {
    const document = await buildDocument(t.db, {
      text: `${wrongYear} ${alliance} Trời hôm nay nắng đẹp ở Hà Nội.`,
      title: 'Việt Nam – Hàn Quốc',
      lang: null,
      publishedAt: new Date('2026-11-01T00:00:00Z'),
    });
    await queues.enqueue('classify', {
      documentId: document.id,
      contentHash: document.content_hash.slice(0, 16),
    });
    const flags = await waitFor(async () => {
      const rows = await listFlagsForDocument(t.db, document.id);
      return rows.some((f) => f.reason === 'repeats_known_narrative') ? rows : undefined;
    });

    const byReason = (reason: string, sentence: string) =>
      flags.find((f) => f.reason === reason && (f.evidence as { sentence: string }).sentence === sentence);
    const relations = byReason('contradicts_verified_fact', wrongYear);
    expect(relations).toMatchObject({ status: 'suggested' });
    type Evidence = {
      matches: Record<string, unknown>[];
      explanation: { vi: string; en: string };
      tier: string;
      thresholds: Record<string, number>;
      calibration: { calibrated: boolean; section: string | null; mismatched: string[] };
    };
    const evidence = relations!.evidence as Evidence;
    expect(evidence.matches[0]).toMatchObject({
      kind: 'verified_fact',
      id: 'vn-kr-diplomatic-relations',
      version: 1,
      check: 'relations_year',
      claimValue: '1995',
    });
    expect(evidence.explanation.vi).toContain('1995');
    expect(evidence.explanation.en).toContain('22 December 1992');
    // The tier follows the installed policy's threshold for Vietnamese (the claim is long enough to
    // auto-link). The test's reference data is not the starter set the thresholds were calibrated for, and
    // the flag says so.
    const confidence = evidence.matches[0]!.confidence as number;
    expect(evidence.tier).toBe(confidence >= evidence.thresholds.verdictAutoLink! ? 'auto_link' : 'suggest');
    expect(evidence.thresholds.verdictConfidence).toBeGreaterThan(0);
    expect(evidence.calibration).toEqual({
      calibrated: false,
      section: 'vi',
      mismatched: [
        expect.stringMatching(
          /^claimwatch-reference-data@\w+ \(calibrated for claimwatch-reference-data@\w+\)$/,
        ),
      ],
    });
    const modelIds = (relations!.models as { id: string }[]).map((m) => m.id);
    expect(modelIds).toEqual(
      expect.arrayContaining([
        'claimwatch-checkworthy-vi-en',
        'claimwatch-reference-data',
        'claimwatch-verify-policy',
      ]),
    );
    expect(await listFlagReferences(t.db, relations!.id)).toEqual([
      expect.objectContaining({ kind: 'verified_fact', id: 'vn-kr-diplomatic-relations', version: 1 }),
    ]);

    expect(byReason('contradicts_verified_fact', alliance)).toMatchObject({ status: 'suggested' });
    const narrative = byReason('repeats_known_narrative', alliance);
    expect((narrative!.evidence as Evidence).matches[0]).toMatchObject({
      kind: 'known_narrative',
      id: 'nar-vn-joined-military-alliance',
    });
    expect((await listFlagReferences(t.db, narrative!.id)).map((r) => `${r.kind}:${r.id}`)).toContain(
      'known_narrative:nar-vn-joined-military-alliance',
    );

    // A person decides the narrative flag; re-running changes nothing (same rows, same decided status).
    await t.db
      .updateTable('flags')
      .set({ status: 'confirmed', decided_at: new Date() })
      .where('id', '=', narrative!.id)
      .execute();
    const before = await completedVerify();
    await queues.enqueue('verify', { documentId: document.id, modelSet: 'rerun' });
    await waitFor(async () => ((await completedVerify()) > before ? true : undefined));
    const again = await listFlagsForDocument(t.db, document.id);
    expect(again.map((f) => [f.id, f.reason, f.status]).sort()).toEqual(
      flags.map((f) => [f.id, f.reason, f.id === narrative!.id ? 'confirmed' : 'suggested']).sort(),
    );
    expect(await listFlagReferences(t.db, relations!.id)).toHaveLength(1);

    // The fact is corrected to say 1995: re-evaluation withdraws the suggestion that rested on it.
    const fact = (await getVerifiedFact(t.db, 'vn-kr-diplomatic-relations'))!;
    await saveVerifiedFact(
      t.db,
      {
        ...fact,
        structured: { ...fact.structured, date: '1995-01-01', validFrom: '1995-01-01' },
        text: {
          vi: 'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao năm 1995.',
          en: 'Relations since 1995.',
        },
      },
      { provenance: 'test edit' },
    );
    expect(await classifier.reevaluateReferences()).toBeGreaterThanOrEqual(1);
    const after = await waitFor(async () => {
      const rows = await listFlagsForDocument(t.db, document.id);
      return rows.some((f) => f.id === relations!.id) ? undefined : rows;
    });
    expect(
      after.find(
        (f) =>
          (f.evidence as { sentence: string }).sentence === wrongYear &&
          f.reason !== 'unverified_checkworthy',
      ),
    ).toBeUndefined();
    // The decided flag is still there, untouched.
    expect(after.find((f) => f.id === narrative!.id)).toMatchObject({ status: 'confirmed' });
  });

  it('imports the starter reference data once, only into an empty registry', async () => {
    const fresh = await createTestDatabase();
    try {
      const first = await ensureStarterReferenceData(fresh.db);
      expect(first.facts!.created).toBeGreaterThanOrEqual(60);
      expect(first.narratives!.created).toBeGreaterThanOrEqual(5);
      expect(await ensureStarterReferenceData(fresh.db)).toEqual({});
    } finally {
      await fresh.close();
    }
  });
});
