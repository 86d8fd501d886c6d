import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const sessionCount = async () =>
  (await server.database.db.selectFrom('sessions').selectAll().execute()).length;

describe('session rotation on login (no fixation)', () => {
  it('a session cookie planted before login is not the session after login, and is dead afterwards', async () => {
    const attacker = await createTestAccount(server.database, ['monitor']);
    const victim = await createTestAccount(server.database, ['manager']);

    // The attacker signs in, then plants their own session cookie in the victim's browser.
    const attackerBrowser = new TestBrowser(server.app);
    await attackerBrowser.logIn(attacker.email);
    const planted = attackerBrowser.cookies.get('cw_session')!;
    const victimBrowser = new TestBrowser(server.app);
    victimBrowser.cookies.set('cw_session', planted);

    const response = await victimBrowser.logIn(victim.email);

    expect(response.status).toBe(200);
    const issued = victimBrowser.cookies.get('cw_session')!;
    expect(issued).not.toBe(planted);
    expect((await victimBrowser.fetchSession()).user?.email).toBe(victim.email);
    // The planted cookie now opens nothing: not the victim's session, and not the attacker's either.
    const replay = new TestBrowser(server.app);
    replay.cookies.set('cw_session', planted);
    expect((await replay.fetchSession()).user).toBeNull();
    expect((await replay.request('GET', '/api/flags')).status).toBe(401);
    expect(await sessionCount()).toBe(1);
  });

  it('signing in again issues a new session and ends the old one', async () => {
    const account = await createTestAccount(server.database);
    const browser = new TestBrowser(server.app);
    await browser.logIn(account.email);
    const first = browser.cookies.get('cw_session')!;
    await browser.logIn(account.email);
    const second = browser.cookies.get('cw_session')!;

    expect(second).not.toBe(first);
    const old = new TestBrowser(server.app);
    old.cookies.set('cw_session', first);
    expect((await old.request('GET', '/api/flags')).status).toBe(401);
    expect((await browser.request('GET', '/api/flags')).status).toBe(200);
  });

  it('a CSRF token issued before login is refused after it', async () => {
    const account = await createTestAccount(server.database);
    const browser = new TestBrowser(server.app);
    const anonymous = await browser.fetchSession();
    await browser.logIn(account.email);
    expect(browser.csrfToken).not.toBe(anonymous.csrfToken);

    browser.csrfToken = anonymous.csrfToken;
    expect((await browser.request('DELETE', '/api/session')).status).toBe(403);
  });

  it('a cookie with a forged signature is ignored', async () => {
    const account = await createTestAccount(server.database);
    const browser = new TestBrowser(server.app);
    await browser.logIn(account.email);
    const [token] = decodeURIComponent(browser.cookies.get('cw_session')!).split('.');
    const forged = new TestBrowser(server.app);
    forged.cookies.set('cw_session', encodeURIComponent(`${token}.not-the-signature`));
    expect((await forged.request('GET', '/api/flags')).status).toBe(401);
  });
});
