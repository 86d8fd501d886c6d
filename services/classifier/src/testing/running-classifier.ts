import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@claimwatch/shared/config';
import { saveKnownNarrative, saveVerifiedFact } from '@claimwatch/shared/db';
import { createLogger } from '@claimwatch/shared/logging';
import { createQueues, type Queues } from '@claimwatch/shared/queues';
import {
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
} from '@claimwatch/shared/testing';
import type { Gazetteer } from '../detect/gazetteer/gazetteer.ts';
import { defaultGazetteer } from '../detect/gazetteer/load-gazetteer.ts';
import { type RunningClassifier, startClassifier } from '../start-classifier.ts';
import { fixtureFacts, fixtureNarratives } from '../verify/testing/reference-fixtures.ts';

/** A classifier process for integration tests: its own database, BullMQ prefix and models directory. */
export type ClassifierHarness = {
  t: TestDatabase;
  q: TestQueues;
  queues: Queues;
  classifier: RunningClassifier;
  modelsDir: string;
  close(): Promise<void>;
};

/**
 * Starts the classify → verify workers on a fresh test database (with the fixture facts and narratives
 * unless `withReferences` is false) and real Redis. The periodic sweep is left to the test
 * (`classifier.reevaluateReferences()`).
 */
export async function startClassifierHarness(
  options: { gazetteer?: Gazetteer; withReferences?: boolean } = {},
): Promise<ClassifierHarness> {
  const t = await createTestDatabase();
  const q = await createTestQueues();
  const queues = createQueues(q.redis, q.prefix);
  const modelsDir = mkdtempSync(path.join(tmpdir(), 'cw-int-classifier-'));
  if (options.withReferences !== false)
    await t.db.transaction().execute(async (trx) => {
      for (const f of fixtureFacts) await saveVerifiedFact(trx, f, { provenance: 'test fixtures' });
      for (const n of fixtureNarratives) await saveKnownNarrative(trx, n, { provenance: 'test fixtures' });
    });
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const classifier = startClassifier({
    db: t.db,
    redis: q.redis,
    queues,
    prefix: q.prefix,
    config: config.classifier,
    logger: createLogger(config.logging, 'test'),
    modelsDir,
    gazetteer: options.gazetteer ?? defaultGazetteer(),
    sweepEveryMs: 3_600_000,
  });
  return {
    t,
    q,
    queues,
    classifier,
    modelsDir,
    async close() {
      await classifier.close();
      await queues.close();
      await q.close();
      await t.close();
      rmSync(modelsDir, { recursive: true, force: true });
    },
  };
}
