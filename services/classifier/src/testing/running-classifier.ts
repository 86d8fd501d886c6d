import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@claimwatch/shared/config';
import { saveKnownNarrative, saveVerifiedFact } from '@claimwatch/shared/db';
import { createLogger, type Logger } from '@claimwatch/shared/logging';
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

/** What a classifier process runs on in integration tests: its own database, BullMQ prefix and models directory. */
export type ClassifierEnvironment = {
  t: TestDatabase;
  q: TestQueues;
  queues: Queues;
  modelsDir: string;
  close(): Promise<void>;
};

/** A fresh test database (with the fixture facts and narratives unless `withReferences` is false) and real Redis. */
export async function createClassifierEnvironment(
  options: { withReferences?: boolean } = {},
): Promise<ClassifierEnvironment> {
  const t = await createTestDatabase();
  const q = await createTestQueues();
  const queues = createQueues(q.redis, q.prefix);
  const modelsDir = mkdtempSync(path.join(tmpdir(), 'cw-int-classifier-'));
  if (options.withReferences !== false)
    await t.db.transaction().execute(async (trx) => {
      for (const f of fixtureFacts) await saveVerifiedFact(trx, f, { provenance: 'test fixtures' });
      for (const n of fixtureNarratives) await saveKnownNarrative(trx, n, { provenance: 'test fixtures' });
    });
  return {
    t,
    q,
    queues,
    modelsDir,
    async close() {
      await queues.close();
      await q.close();
      await t.close();
      rmSync(modelsDir, { recursive: true, force: true });
    },
  };
}

export type TestClassifierOptions = {
  gazetteer?: Gazetteer;
  /** Configuration variables on top of the defaults (e.g. a shadow model). */
  env?: Record<string, string>;
  logger?: Logger;
};

/**
 * Starts the classify → verify workers on an environment; the periodic sweep is left to the test
 * (`classifier.reevaluateReferences()`). Several may run one after another on the same environment.
 */
export function startTestClassifier(
  environment: ClassifierEnvironment,
  options: TestClassifierOptions = {},
): RunningClassifier {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  return startClassifier({
    db: environment.t.db,
    redis: environment.q.redis,
    queues: environment.queues,
    prefix: environment.q.prefix,
    config: config.classifier,
    logger: options.logger ?? createLogger(config.logging, 'test'),
    modelsDir: environment.modelsDir,
    gazetteer: options.gazetteer ?? defaultGazetteer(),
    sweepEveryMs: 3_600_000,
  });
}

/** A classifier process for integration tests, on its own environment. */
export type ClassifierHarness = ClassifierEnvironment & { classifier: RunningClassifier };

export async function startClassifierHarness(
  options: TestClassifierOptions & { withReferences?: boolean } = {},
): Promise<ClassifierHarness> {
  const environment = await createClassifierEnvironment(options);
  const classifier = startTestClassifier(environment, options);
  return {
    ...environment,
    classifier,
    async close() {
      await classifier.close();
      await environment.close();
    },
  };
}
