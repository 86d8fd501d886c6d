import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ auth: { loginRateLimit: { max: 3, windowMs: 60_000 } } });
});
afterAll(async () => server?.close());

describe('login rate limit per client address', () => {
  it('answers 429 rate_limited once an address has used its attempts, whatever the accounts tried', async () => {
    const account = await createTestAccount(server.database);
    const browser = new TestBrowser(server.app);
    for (const email of ['a@claimwatch.test', 'b@claimwatch.test', 'c@claimwatch.test'])
      expect((await browser.logIn(email, 'guess')).status).toBe(401);

    const limited = await browser.logIn(account.email);

    expect(limited.status).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(browser.cookies.has('cw_session')).toBe(false);
    // Reads are not limited by it.
    expect((await browser.request('GET', '/api/session')).status).toBe(200);
  });
});
