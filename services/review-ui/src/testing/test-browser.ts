import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@claimwatch/shared/domain';
import { createLogger } from '@claimwatch/shared/logging';
import {
  createTestDatabase,
  createTestQueues,
  type TestDatabase,
  type TestQueues,
} from '@claimwatch/shared/testing';
import type { AuthSettings } from '../auth/auth-settings.ts';
import { createUserAccount, type UserAccount } from '../auth/user-accounts.ts';
import type { Api } from '../http/api-types.ts';
import { createReviewServer } from '../http/create-server.ts';
import type { TriageSettings } from '../triage/triage.routes.ts';

/**
 * Integration-test harness: the real server on a per-file test database, driven through `inject` by a
 * small browser that keeps cookies the way a real one does.
 */

export const TEST_PASSWORD = 'correct horse battery staple';

export type TestServer = { app: Api; database: TestDatabase; queues: TestQueues; close(): Promise<void> };

export async function startTestServer(
  options: {
    auth?: Partial<AuthSettings>;
    now?: () => Date;
    webDir?: string;
    isHttps?: boolean;
    triage?: Partial<TriageSettings>;
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const queues = await createTestQueues();
  const app = await createReviewServer({
    db: database.db,
    logger: createLogger({ level: 'silent' }, 'review-ui-test'),
    sessionSecret: 'test-session-secret-that-is-long-enough-0123456789',
    isHttps: options.isHttps ?? false,
    webDir: options.webDir,
    ...(options.now ? { now: options.now } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    redis: { client: queues.redis, prefix: queues.prefix },
    // Tests insert flags behind the server's back: totals are counted on every request.
    triage: { countCacheMs: 0, ...options.triage },
  });
  await app.ready();
  return {
    app,
    database,
    queues,
    async close() {
      await app.close();
      await queues.close();
      await database.close();
    },
  };
}

export async function createTestAccount(
  database: TestDatabase,
  roles: Role[] = ['monitor'],
  email = `user-${Math.random().toString(36).slice(2, 10)}@claimwatch.test`,
): Promise<UserAccount> {
  return createUserAccount(database.db, {
    email,
    displayName: 'Test Monitor',
    password: TEST_PASSWORD,
    roles,
  });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export type TestResponse = {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
};

export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly app: Api) {}

  async request(
    method: Method,
    url: string,
    options: { body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(options.body === undefined ? {} : { payload: options.body as object }),
    });
    for (const c of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const isCleared = c.value === '' || (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0;
      if (isCleared) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body,
      json: <T>() => response.json() as T,
    };
  }

  /** GET /api/session, keeping the CSRF token as the UI does. */
  async fetchSession(): Promise<{ user: { email: string; roles: string[] } | null; csrfToken: string }> {
    const response = await this.request('GET', '/api/session');
    const state = response.json<{ user: { email: string; roles: string[] } | null; csrfToken: string }>();
    this.csrfToken = state.csrfToken;
    return state;
  }

  async logIn(email: string, password = TEST_PASSWORD): Promise<TestResponse> {
    if (!this.csrfToken) await this.fetchSession();
    const response = await this.request('POST', '/api/session', { body: { email, password } });
    if (response.status === 200) this.csrfToken = response.json<{ csrfToken: string }>().csrfToken;
    return response;
  }
}

/** A stand-in UI bundle: serving and headers do not depend on what Vite writes (web-build.int.test.ts covers that). */
export function writeStandInBundle(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cw-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1.js"></script>',
  );
  writeFileSync(path.join(dir, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(path.join(dir, '.inputs-sha256'), 'abc');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
