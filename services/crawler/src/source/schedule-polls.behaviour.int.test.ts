import { getSource } from '@claimwatch/shared/db';
import { createQueues } from '@claimwatch/shared/queues';
import {
  buildSource,
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
} from '@claimwatch/shared/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulePolls } from './schedule-polls.ts';

let t: TestDatabase;
let q: TestQueues;

beforeAll(async () => {
  t = await createTestDatabase();
  q = await createTestQueues();
});
afterAll(async () => {
  await q?.close();
  await t?.close();
});

async function dueSource(url: string, dueAt: Date) {
  const source = await buildSource(t.db, { url });
  await t.db.updateTable('sources').set({ next_poll_at: dueAt }).where('id', '=', source.id).execute();
  return source;
}

describe('scheduling polls (real Redis, BullMQ and database)', () => {
  it('enqueues each due source once and moves its next poll forward', async () => {
    const due = new Date(Date.now() - 60_000);
    const source = await dueSource('https://due.example/feed.xml', due);
    const queues = createQueues(q.redis, q.prefix);
    try {
      expect(await schedulePolls({ db: t.db, queues })).toBe(1);
      expect(await schedulePolls({ db: t.db, queues })).toBe(0);
      expect((await queues.queue('poll').getJobCounts('waiting')).waiting).toBe(1);
      expect((await getSource(t.db, source.id))!.next_poll_at.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await queues.close();
    }
  });

  it('gives the claim back when Redis refuses the jobs, so the poll is not skipped for an interval', async () => {
    const due = new Date(Date.now() - 60_000);
    const source = await dueSource('https://outage.example/feed.xml', due);
    // A connection that fails every command at once, as a Redis that went away does.
    const gone = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    gone.on('error', () => {});
    const broken = createQueues(gone, q.prefix);
    try {
      await expect(schedulePolls({ db: t.db, queues: broken })).rejects.toThrow();
      expect((await getSource(t.db, source.id))!.next_poll_at.getTime()).toBe(due.getTime());
    } finally {
      await broken.close().catch(() => {});
      gone.disconnect();
    }

    // Once Redis is back, the next tick schedules it.
    const queues = createQueues(q.redis, q.prefix);
    try {
      expect(await schedulePolls({ db: t.db, queues })).toBe(1);
    } finally {
      await queues.close();
    }
  });
});
