import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';

let server: TestServer;
let email: string;

beforeAll(async () => {
  server = await startTestServer();
  email = (await createTestAccount(server.database)).email;
});
afterAll(async () => server?.close());

const credentials = () => ({ email, password: 'correct horse battery staple' });

describe('CSRF protection on mutating requests', () => {
  it('refuses a login without the x-csrf-token header, even with the CSRF cookie', async () => {
    const browser = new TestBrowser(server.app);
    await browser.fetchSession();
    const response = await browser.request('POST', '/api/session', { body: credentials(), csrf: false });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
    expect(browser.cookies.has('cw_session')).toBe(false);
  });

  it('refuses a token without the CSRF cookie it belongs to (a forged cross-site request)', async () => {
    const victim = new TestBrowser(server.app);
    await victim.fetchSession();
    const attacker = new TestBrowser(server.app);
    attacker.csrfToken = victim.csrfToken;
    const response = await attacker.request('POST', '/api/session', { body: credentials() });
    expect(response.status).toBe(403);
  });

  it("refuses another browser's token paired with this browser's cookie", async () => {
    const one = new TestBrowser(server.app);
    const other = new TestBrowser(server.app);
    await one.fetchSession();
    await other.fetchSession();
    one.csrfToken = other.csrfToken;
    expect((await one.request('POST', '/api/session', { body: credentials() })).status).toBe(403);
  });

  it('refuses a logout without the token, and the session stays open', async () => {
    const browser = new TestBrowser(server.app);
    expect((await browser.logIn(email)).status).toBe(200);
    const response = await browser.request('DELETE', '/api/session', { csrf: false });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
    expect((await browser.fetchSession()).user?.email).toBe(email);
  });

  it('accepts the token from GET /api/session', async () => {
    const browser = new TestBrowser(server.app);
    await browser.fetchSession();
    expect((await browser.request('POST', '/api/session', { body: credentials() })).status).toBe(200);
  });

  it('does not ask for a token on reads', async () => {
    const browser = new TestBrowser(server.app);
    await browser.logIn(email);
    expect((await browser.request('GET', '/api/flags', { csrf: false })).status).toBe(200);
  });
});
