import { createHash } from 'node:crypto';
import { findUserByEmail, listAuditEvents } from '@claimwatch/shared/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  startTestServer,
  TEST_PASSWORD,
  TestBrowser,
  type TestServer,
} from '../testing/test-browser.ts';

let server: TestServer;
let clock: Date;

beforeEach(async () => {
  clock = new Date();
  server = await startTestServer({
    now: () => clock,
    auth: { lockAfterFailures: 3, lockForMs: 15 * 60_000, loginRateLimit: { max: 50, windowMs: 60_000 } },
  });
});
afterEach(async () => server?.close());

describe('POST /api/session (login)', () => {
  it('opens a session for the right password, in an httpOnly SameSite=Lax cookie whose token is stored only hashed', async () => {
    const account = await createTestAccount(server.database, ['writer']);
    const browser = new TestBrowser(server.app);

    const response = await browser.logIn(account.email);

    expect(response.status).toBe(200);
    const body = response.json<{
      user: { email: string; roles: string[]; locale: string };
      csrfToken: string;
    }>();
    expect(body.user).toMatchObject({ email: account.email, roles: ['writer'], locale: 'vi' });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/cw_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/cw_session=[^;]+;.*SameSite=Lax/i);
    // It lives as long as the session, counted by the browser (Max-Age), whatever the browser's clock says.
    const sessionCookie = setCookie.split(/,(?=\s*cw_)/).find((c) => c.trim().startsWith('cw_session='))!;
    expect(sessionCookie).toMatch(/Max-Age=43200(;|$)/);
    expect(sessionCookie).not.toMatch(/Expires=/i);

    // The cookie is "<token>.<signature>"; the database holds sha256(token), never the token.
    const cookie = browser.cookies.get('cw_session')!;
    const token = decodeURIComponent(cookie).split('.')[0]!;
    const rows = await server.database.db.selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).toEqual([createHash('sha256').update(token).digest('hex')]);

    const me = await browser.fetchSession();
    expect(me.user?.email).toBe(account.email);
    const audit = await listAuditEvents(server.database.db, 'user', account.id);
    expect(audit.map((e) => e.action)).toEqual(['user.logged_in']);
  });

  it('refuses a wrong password and an unknown e-mail with the same answer, and opens no session', async () => {
    const account = await createTestAccount(server.database);
    const browser = new TestBrowser(server.app);

    const wrong = await browser.logIn(account.email, 'not the password');
    const unknown = await browser.logIn('nobody@claimwatch.test', TEST_PASSWORD);

    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe('unauthenticated');
    expect(browser.cookies.has('cw_session')).toBe(false);
    expect((await browser.fetchSession()).user).toBeNull();
    expect(await server.database.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    expect((await findUserByEmail(server.database.db, account.email))?.failed_login_count).toBe(1);
  });

  it('accepts the e-mail in any case and with surrounding spaces', async () => {
    const account = await createTestAccount(server.database, ['monitor'], 'Case.Person@ClaimWatch.test');
    const response = await new TestBrowser(server.app).logIn('  case.person@claimwatch.TEST ');
    expect(response.status).toBe(200);
    expect(response.json<{ user: { id: string } }>().user.id).toBe(account.id);
  });

  it('refuses a request body that does not match the schema', async () => {
    const browser = new TestBrowser(server.app);
    await browser.fetchSession();
    const response = await browser.request('POST', '/api/session', { body: { email: 'a@b.c' } });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    expect(response.json<{ message: string }>().message).toContain('password');
  });
});

describe('lockout', () => {
  it('locks the account after 3 wrong passwords, even against the right one, until the lock expires', async () => {
    const account = await createTestAccount(server.database);
    const browser = new TestBrowser(server.app);
    for (let i = 0; i < 3; i++) expect((await browser.logIn(account.email, `wrong ${i}`)).status).toBe(401);

    const locked = await findUserByEmail(server.database.db, account.email);
    expect(locked?.failed_login_count).toBe(3);
    expect(locked?.locked_until?.getTime()).toBeGreaterThan(clock.getTime());
    const refused = await browser.logIn(account.email, TEST_PASSWORD);
    expect(refused.status).toBe(401);
    expect(refused.json().code).toBe('unauthenticated');
    expect(browser.cookies.has('cw_session')).toBe(false);
    const audit = await listAuditEvents(server.database.db, 'user', account.id);
    expect(audit.map((e) => e.action)).toEqual(['user.locked']);

    clock = new Date(clock.getTime() + 16 * 60_000);
    const afterLock = await browser.logIn(account.email, TEST_PASSWORD);
    expect(afterLock.status).toBe(200);
    const unlocked = await findUserByEmail(server.database.db, account.email);
    expect(unlocked).toMatchObject({ failed_login_count: 0, locked_until: null });
  });

  it('a successful login resets the failure count', async () => {
    const account = await createTestAccount(server.database);
    const browser = new TestBrowser(server.app);
    await browser.logIn(account.email, 'wrong');
    await browser.logIn(account.email, 'wrong');
    expect((await browser.logIn(account.email)).status).toBe(200);
    expect((await findUserByEmail(server.database.db, account.email))?.failed_login_count).toBe(0);
  });

  it('refuses a disabled account with the right password', async () => {
    const account = await createTestAccount(server.database);
    await server.database.db
      .updateTable('users')
      .set({ is_disabled: true })
      .where('id', '=', account.id)
      .execute();
    expect((await new TestBrowser(server.app).logIn(account.email)).status).toBe(401);
  });
});

describe('DELETE /api/session (logout)', () => {
  it('ends the session server-side and clears the cookie', async () => {
    const account = await createTestAccount(server.database);
    const browser = new TestBrowser(server.app);
    await browser.logIn(account.email);
    const cookie = browser.cookies.get('cw_session')!;

    const response = await browser.request('DELETE', '/api/session');

    expect(response.status).toBe(204);
    expect(browser.cookies.has('cw_session')).toBe(false);
    expect(await server.database.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    // The old cookie, replayed, opens nothing.
    const replay = new TestBrowser(server.app);
    replay.cookies.set('cw_session', cookie);
    expect((await replay.request('GET', '/api/flags')).status).toBe(401);
  });
});

describe('sessions end', () => {
  it('after the idle timeout without requests', async () => {
    const account = await createTestAccount(server.database);
    const browser = new TestBrowser(server.app);
    await browser.logIn(account.email);
    expect((await browser.request('GET', '/api/flags')).status).toBe(200);

    clock = new Date(clock.getTime() + 3 * 60 * 60_000);
    expect((await browser.request('GET', '/api/flags')).status).toBe(401);
  });
});
