import { findUserByEmail, listAuditEvents } from '@claimwatch/shared/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  startTestServer,
  TEST_PASSWORD,
  TestBrowser,
  type TestServer,
} from '../testing/test-browser.ts';
import type { ManagedUser, TotpEnrolment, TotpStatus } from './account.schemas.ts';
import { totpCode } from './totp.ts';

let server: TestServer;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-11-23T10:00:00Z');
  server = await startTestServer({
    now: () => clock,
    auth: { lockAfterFailures: 3, lockForMs: 15 * 60_000, loginRateLimit: { max: 100, windowMs: 60_000 } },
  });
});
afterEach(async () => server?.close());

async function signedIn(roles: ('monitor' | 'writer' | 'manager' | 'admin')[]) {
  const account = await createTestAccount(server.database, roles);
  const browser = new TestBrowser(server.app);
  expect((await browser.logIn(account.email)).status).toBe(200);
  return { browser, account };
}

async function logInWithCode(browser: TestBrowser, email: string, code?: string) {
  if (!browser.csrfToken) await browser.fetchSession();
  const response = await browser.request('POST', '/api/session', {
    body: { email, password: TEST_PASSWORD, ...(code ? { totpCode: code } : {}) },
  });
  if (response.status === 200) browser.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  return response;
}

async function enrol(browser: TestBrowser): Promise<string> {
  const started = await browser.request('POST', '/api/account/totp');
  expect(started.status).toBe(200);
  const enrolment = started.json<TotpEnrolment>();
  const confirmed = await browser.request('POST', '/api/account/totp/confirm', {
    body: { code: totpCode(enrolment.secret, clock) },
  });
  expect(confirmed.json<TotpStatus>()).toEqual({ enabled: true, pending: false });
  return enrolment.secret;
}

describe('TOTP second factor', () => {
  it('enrols with a secret and QR code, and only a confirmed enrolment changes login', async () => {
    const { browser, account } = await signedIn(['writer']);
    expect((await browser.request('GET', '/api/account/totp')).json()).toEqual({
      enabled: false,
      pending: false,
    });

    const enrolment = (await browser.request('POST', '/api/account/totp')).json<TotpEnrolment>();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/ClaimWatch:.+\?.*secret=/);
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrDataUrl.split(',')[1]!, 'base64').toString()).toContain('<svg');
    expect((await browser.request('GET', '/api/account/totp')).json()).toEqual({
      enabled: false,
      pending: true,
    });

    // Not yet confirmed: the password alone still signs in.
    expect((await new TestBrowser(server.app).logIn(account.email)).status).toBe(200);

    const valid = [-30_000, 0, 30_000].map((d) => totpCode(enrolment.secret, new Date(clock.getTime() + d)));
    const wrongCode = ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c))!;
    const wrong = await browser.request('POST', '/api/account/totp/confirm', { body: { code: wrongCode } });
    expect(wrong.status).toBe(400);
    const confirmed = await browser.request('POST', '/api/account/totp/confirm', {
      body: { code: totpCode(enrolment.secret, clock) },
    });
    expect(confirmed.json()).toEqual({ enabled: true, pending: false });
    const audit = await listAuditEvents(server.database.db, 'user', account.id);
    expect(audit.map((e) => e.action)).toContain('user.totp_enabled');
  });

  it('asks for the code after the right password, refuses a wrong or replayed code, accepts a fresh one', async () => {
    const { browser, account } = await signedIn(['writer']);
    const secret = await enrol(browser);

    const other = new TestBrowser(server.app);
    const asked = await logInWithCode(other, account.email);
    expect(asked.status).toBe(401);
    expect(asked.json()).toMatchObject({ code: 'totp_required' });
    expect(other.cookies.has('cw_session')).toBe(false);

    // A wrong password never reveals whether a code would be asked.
    const wrongPassword = await other.request('POST', '/api/session', {
      body: { email: account.email, password: 'wrong password' },
    });
    expect(wrongPassword.json()).toMatchObject({ code: 'unauthenticated' });

    const wrongCode = await logInWithCode(
      other,
      account.email,
      '123456' === totpCode(secret, clock) ? '654321' : '123456',
    );
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.json()).toMatchObject({ code: 'unauthenticated' });

    // The enrolment code's step was used: it cannot be replayed.
    const replay = await logInWithCode(other, account.email, totpCode(secret, clock));
    expect(replay.status).toBe(401);

    // Three failures (password, code, replay) locked the account; the lock expires after 15 minutes.
    clock = new Date(clock.getTime() + 16 * 60_000);
    const ok = await logInWithCode(other, account.email, totpCode(secret, clock));
    expect(ok.status, ok.body).toBe(200);
    expect(other.cookies.has('cw_session')).toBe(true);
    expect((await findUserByEmail(server.database.db, account.email))?.failed_login_count).toBe(0);

    const replayAfter = await logInWithCode(
      new TestBrowser(server.app),
      account.email,
      totpCode(secret, clock),
    );
    expect(replayAfter.status).toBe(401);
  });

  it('counts wrong codes towards the lockout', async () => {
    const { browser, account } = await signedIn(['writer']);
    const secret = await enrol(browser);
    const valid = [-30_000, 0, 30_000].map((d) => totpCode(secret, new Date(clock.getTime() + d)));
    const wrong = ['111111', '222222', '333333', '444444'].find((c) => !valid.includes(c))!;
    const other = new TestBrowser(server.app);
    for (let i = 0; i < 3; i++) expect((await logInWithCode(other, account.email, wrong)).status).toBe(401);
    clock = new Date(clock.getTime() + 60_000);
    const locked = await logInWithCode(other, account.email, totpCode(secret, clock));
    expect(locked.status).toBe(401);
    expect(locked.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('rotates the session on a login with a code (no fixation)', async () => {
    const { browser, account } = await signedIn(['writer']);
    const secret = await enrol(browser);
    const planted = browser.cookies.get('cw_session')!;
    clock = new Date(clock.getTime() + 60_000);
    expect((await logInWithCode(browser, account.email, totpCode(secret, clock))).status).toBe(200);
    expect(browser.cookies.get('cw_session')).not.toBe(planted);
    const replay = new TestBrowser(server.app);
    replay.cookies.set('cw_session', planted);
    expect((await replay.request('GET', '/api/flags')).status).toBe(401);
  });

  it('limits code guesses on enrolment to 10 a minute', async () => {
    const { browser } = await signedIn(['writer']);
    const { secret } = (await browser.request('POST', '/api/account/totp')).json<TotpEnrolment>();
    const valid = [-30_000, 0, 30_000].map((d) => totpCode(secret, new Date(clock.getTime() + d)));
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c))!;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await browser.request('POST', '/api/account/totp/confirm', { body: { code: wrong } })).status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('disables with a current code only', async () => {
    const { browser, account } = await signedIn(['manager']);
    const secret = await enrol(browser);
    clock = new Date(clock.getTime() + 60_000);
    expect(
      (await browser.request('POST', '/api/account/totp/disable', { body: { code: '12345' } })).status,
    ).toBe(400);
    const off = await browser.request('POST', '/api/account/totp/disable', {
      body: { code: totpCode(secret, clock) },
    });
    expect(off.json()).toEqual({ enabled: false, pending: false });
    expect((await new TestBrowser(server.app).logIn(account.email)).status).toBe(200);
  });
});

describe('admin user management', () => {
  it('creates accounts, changes roles, disables (ending sessions) and records each change', async () => {
    const { browser: admin, account: adminAccount } = await signedIn(['admin']);
    const created = await admin.request('POST', '/api/users', {
      body: {
        email: 'new.writer@claimwatch.test',
        displayName: 'New Writer',
        password: TEST_PASSWORD,
        roles: ['writer'],
      },
    });
    expect(created.status, created.body).toBe(201);
    const user = created.json<ManagedUser>();
    expect(user).toMatchObject({
      email: 'new.writer@claimwatch.test',
      roles: ['writer'],
      disabled: false,
      totpEnabled: false,
    });
    expect(created.body).not.toContain('argon2');

    const duplicate = await admin.request('POST', '/api/users', {
      body: {
        email: 'NEW.writer@claimwatch.test',
        displayName: 'Again',
        password: TEST_PASSWORD,
        roles: ['writer'],
      },
    });
    expect(duplicate.status).toBe(409);

    const listed = (await admin.request('GET', '/api/users')).json<{ items: ManagedUser[] }>();
    expect(listed.items.map((u) => u.email)).toContain('new.writer@claimwatch.test');

    const newcomer = new TestBrowser(server.app);
    expect((await newcomer.logIn('new.writer@claimwatch.test')).status).toBe(200);
    const promoted = await admin.request('PATCH', `/api/users/${user.id}`, {
      body: { roles: ['writer', 'manager'] },
    });
    expect(promoted.json<ManagedUser>().roles).toEqual(['writer', 'manager']);
    // Roles are read on every request: the open session has them at once.
    expect((await newcomer.fetchSession()).user?.roles).toEqual(['writer', 'manager']);

    const disabled = await admin.request('PATCH', `/api/users/${user.id}`, { body: { disabled: true } });
    expect(disabled.json<ManagedUser>().disabled).toBe(true);
    expect((await newcomer.request('GET', '/api/flags')).status).toBe(401);
    expect((await new TestBrowser(server.app).logIn('new.writer@claimwatch.test')).status).toBe(401);

    const audit = await listAuditEvents(server.database.db, 'user', user.id);
    expect(audit.map((e) => e.action)).toEqual([
      'user.created',
      'user.logged_in',
      'user.updated',
      'user.disabled',
    ]);
    expect(audit[2]).toMatchObject({
      actor_user_id: adminAccount.id,
      before: { roles: ['writer'] },
      after: { roles: ['writer', 'manager'] },
    });
  });

  it('refuses an admin disabling themselves or dropping their own admin role', async () => {
    const { browser: admin, account } = await signedIn(['admin']);
    expect(
      (await admin.request('PATCH', `/api/users/${account.id}`, { body: { disabled: true } })).status,
    ).toBe(409);
    expect(
      (await admin.request('PATCH', `/api/users/${account.id}`, { body: { roles: ['manager'] } })).status,
    ).toBe(409);
  });

  it('is for admins only, and needs the CSRF token', async () => {
    const { browser: manager } = await signedIn(['manager']);
    const { browser: admin } = await signedIn(['admin']);
    const target = await createTestAccount(server.database, ['monitor']);
    expect((await manager.request('GET', '/api/users')).status).toBe(403);
    expect((await manager.request('POST', `/api/users/${target.id}/unlock`)).status).toBe(403);
    const body = {
      email: 'x@claimwatch.test',
      displayName: 'X',
      password: TEST_PASSWORD,
      roles: ['monitor'],
    };
    for (const [method, url, payload] of [
      ['POST', '/api/users', body],
      ['PATCH', `/api/users/${target.id}`, { disabled: true }],
      ['POST', `/api/users/${target.id}/unlock`, undefined],
      ['POST', '/api/account/totp', undefined],
      ['POST', '/api/account/totp/confirm', { code: '123456' }],
      ['POST', '/api/account/totp/disable', { code: '123456' }],
    ] as const) {
      const response = await admin.request(method, url, { body: payload, csrf: false });
      expect(response.status, `${method} ${url}`).toBe(403);
    }
    expect((await findUserByEmail(server.database.db, target.email))?.is_disabled).toBe(false);
  });
});

describe('lockout', () => {
  it('an admin unlocks a locked account at once, with an audit event', async () => {
    const target = await createTestAccount(server.database, ['writer']);
    const browser = new TestBrowser(server.app);
    for (let i = 0; i < 3; i++) await browser.logIn(target.email, 'wrong');
    expect((await browser.logIn(target.email)).status).toBe(401);

    const { browser: admin, account: adminAccount } = await signedIn(['admin']);
    const listed = (await admin.request('GET', '/api/users')).json<{ items: ManagedUser[] }>();
    expect(listed.items.find((u) => u.id === target.id)).toMatchObject({
      failedLoginCount: 3,
      lockedUntil: expect.any(String),
    });
    const unlocked = await admin.request('POST', `/api/users/${target.id}/unlock`);
    expect(unlocked.json<ManagedUser>()).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    expect((await browser.logIn(target.email)).status).toBe(200);
    const audit = await listAuditEvents(server.database.db, 'user', target.id);
    expect(audit.find((e) => e.action === 'user.unlocked')?.actor_user_id).toBe(adminAccount.id);
  });
});
