import { buildUser, createTestDatabase, type TestDatabase } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeeklyDigest } from './build-digest.ts';
import { buildDigestWeek, FIXTURE_TZ, FIXTURE_WEEK } from './digest-fixture.ts';
import { digestRecipients, mailDigest } from './mail-digest.ts';
import { startSmtpSink } from './smtp-sink.ts';

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

describe('mailing the digest', () => {
  it('sends each manager the digest in their language, with the CSV, and records the delivery', async () => {
    const { db } = database;
    await buildUser(db, { email: 'lan@claimwatch.test', roles: ['manager'], locale: 'vi' } as never);
    await buildUser(db, {
      email: 'sam@claimwatch.test',
      roles: ['manager', 'writer'],
      locale: 'en',
    } as never);
    await buildUser(db, { email: 'mon@claimwatch.test', roles: ['monitor'] });
    await buildDigestWeek(db);
    const digest = await buildWeeklyDigest(db, FIXTURE_WEEK, {
      timezone: FIXTURE_TZ,
      slaTriageHours: 24,
      slaResponseHours: 72,
    });

    const recipients = await digestRecipients(db, undefined);
    expect(recipients).toEqual([
      { email: 'lan@claimwatch.test', locale: 'vi' },
      { email: 'sam@claimwatch.test', locale: 'en' },
    ]);
    const result = await mailDigest(db, digest, {
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        user: undefined,
        password: undefined,
        from: 'ClaimWatch <digest@claimwatch.test>',
      },
      recipients,
      publicUrl: 'http://ui.claimwatch.test',
      now: new Date('2026-11-23T01:00:00Z'),
    });
    expect(result.sent).toEqual(['lan@claimwatch.test', 'sam@claimwatch.test']);
    expect(smtp.received.map((m) => m.to)).toEqual([['lan@claimwatch.test'], ['sam@claimwatch.test']]);
    expect(smtp.received[0]!.from).toBe('digest@claimwatch.test');
    const vi = smtp.received[0]!.body;
    const en = smtp.received[1]!.body;
    expect(vi).toMatch(/Subject: =\?UTF-8\?/); // the Vietnamese subject is encoded
    expect(en).toContain('Subject: ClaimWatch weekly digest 2026-W47');
    // Links lead into the UI, to the filtered flag list behind each number.
    expect(en.replace(/=\r?\n/g, '')).toContain('http://ui.claimwatch.test/flags?status=3Dconfirmed');
    expect(en).toContain('claimwatch-digest-2026-W47-en.csv');

    const row = await db
      .selectFrom('digests')
      .select(['delivered_at', 'delivered_to'])
      .executeTakeFirstOrThrow();
    expect(row.delivered_at?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(row.delivered_to).toEqual(['lan@claimwatch.test', 'sam@claimwatch.test']);
  });
});
