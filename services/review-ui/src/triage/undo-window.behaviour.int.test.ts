import { buildFlag } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';
import type { TriageItem } from './triage.schemas.ts';

// The server's clock is ours: the undo window is crossed by moving it, not by waiting.
let clock = new Date('2026-11-23T10:00:00Z');
let server: TestServer;
let monitor: TestBrowser;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, triage: { undoWindowMs: 60_000 } });
  monitor = new TestBrowser(server.app);
  await monitor.logIn((await createTestAccount(server.database, ['monitor'])).email);
});
afterAll(async () => server?.close());

describe('the undo window', () => {
  it('undoes within the window and refuses after it', async () => {
    const first = await buildFlag(server.database.db);
    await monitor.request('POST', `/api/triage/flags/${first.id}/decision`, { body: { action: 'escalate' } });
    clock = new Date(clock.getTime() + 59_000);
    expect((await monitor.request('POST', '/api/triage/undo')).status).toBe(200);

    await monitor.request('POST', `/api/triage/flags/${first.id}/decision`, { body: { action: 'confirm' } });
    clock = new Date(clock.getTime() + 61_000);
    const late = await monitor.request('POST', '/api/triage/undo');
    expect(late.status).toBe(409);
    expect(late.json()).toMatchObject({ code: 'conflict', message: 'Nothing to undo' });
    const item = (await monitor.request('GET', `/api/triage/flags/${first.id}`)).json<TriageItem>();
    expect(item.status).toBe('confirmed');
  });
});
