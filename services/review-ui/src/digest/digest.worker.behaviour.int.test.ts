import type { DigestConfig } from '@claimwatch/shared/config';
import { createLogger } from '@claimwatch/shared/logging';
import { createQueues, type Queues } from '@claimwatch/shared/queues';
import {
  buildUser,
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
  waitFor,
} from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigestJob, startDigestWorker, WEEKLY_SCHEDULER_ID } from './digest.worker.ts';
import { buildDigestWeek, FIXTURE_TZ, FIXTURE_WEEK } from './digest-fixture.ts';
import { startSmtpSink } from './smtp-sink.ts';

let database: TestDatabase;
let testQueues: TestQueues;
let queues: Queues;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  database = await createTestDatabase();
  testQueues = await createTestQueues();
  queues = createQueues(testQueues.redis, testQueues.prefix);
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await queues?.close();
  await testQueues?.close();
  await smtp?.close();
  await database?.close();
});

/** Polls a condition (the test's own timeout bounds it). */

describe('the digest worker', () => {
  it('schedules the weekly build and builds and mails a week asked for on demand', async () => {
    const { db } = database;
    await buildUser(db, { email: 'boss@claimwatch.test', roles: ['manager'] });
    await buildDigestWeek(db);
    const config: DigestConfig = {
      timezone: FIXTURE_TZ,
      schedule: '0 0 * * 1',
      slaTriageHours: 24,
      slaResponseHours: 72,
      recipients: undefined,
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: undefined,
        password: undefined,
        from: 'digest@claimwatch.test',
      },
    };
    const worker = await startDigestWorker({
      db,
      redis: testQueues.redis,
      prefix: testQueues.prefix,
      queues,
      logger: createLogger({ level: 'silent' }, 'digest-test'),
      publicUrl: 'http://ui.claimwatch.test',
      now: () => new Date('2026-11-23T01:00:00Z'),
      config,
    });
    try {
      const schedulers = await queues.queue('digest').getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.pattern, s.tz])).toEqual([
        [WEEKLY_SCHEDULER_ID, '0 0 * * 1', FIXTURE_TZ],
      ]);

      // No week named: the last complete week at the worker's "now" (2026-W47).
      await queues.enqueue('digest', { send: true });
      const row = await waitFor(() =>
        db
          .selectFrom('digests')
          .select(['week', 'delivered_to'])
          .where('delivered_at', 'is not', null)
          .executeTakeFirst(),
      );
      expect(row).toEqual({ week: FIXTURE_WEEK, delivered_to: ['boss@claimwatch.test'] });
      expect(smtp.received.map((m) => m.to)).toEqual([['boss@claimwatch.test']]);

      // The schedule firing again for the same week does not mail it twice.
      const again = await runDigestJob(
        {
          db,
          config,
          publicUrl: 'http://ui.claimwatch.test',
          logger: createLogger({ level: 'silent' }, 'digest-test'),
          now: () => new Date('2026-11-23T02:00:00Z'),
        },
        { send: true },
      );
      expect(again).toEqual({ week: FIXTURE_WEEK, sent: [] });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });
});
