import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  startTestServer,
  TestBrowser,
  type TestServer,
  writeStandInBundle,
} from '../testing/test-browser.ts';

let bundle: ReturnType<typeof writeStandInBundle>;
let server: TestServer;

beforeAll(async () => {
  bundle = writeStandInBundle();
  server = await startTestServer({ webDir: bundle.dir });
});
afterAll(async () => {
  await server?.close();
  bundle?.remove();
});

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('security headers', () => {
  it('send a strict Content-Security-Policy on the page and on the API', async () => {
    const browser = new TestBrowser(server.app);
    for (const response of [
      await browser.request('GET', '/', { headers: { accept: 'text/html' } }),
      await browser.request('GET', '/api/session'),
    ]) {
      const csp = directives(String(response.headers['content-security-policy']));
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self'");
      expect(csp.get('img-src')).toBe("'self' data:");
      expect(csp.get('connect-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(String(response.headers['content-security-policy'])).not.toMatch(
        /unsafe-inline|unsafe-eval|https?:|\*/,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      // Plain-HTTP loopback: no HSTS, no upgrade of requests.
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('mark API answers as never to be stored', async () => {
    const browser = new TestBrowser(server.app);
    await browser.logIn((await createTestAccount(server.database)).email);
    const response = await browser.request('GET', '/api/flags');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('over HTTPS (UI_COOKIE_SECURE=true)', () => {
  it('adds HSTS and issues Secure __Host- cookies', async () => {
    const https = await startTestServer({ isHttps: true });
    try {
      const browser = new TestBrowser(https.app);
      const response = await browser.request('GET', '/api/session');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      expect(String(response.headers['set-cookie'])).toMatch(/__Host-cw_csrf=[^;]+;.*Secure/);

      const account = await createTestAccount(https.database);
      await browser.fetchSession();
      const login = await browser.logIn(account.email);
      expect(login.status).toBe(200);
      expect(String(login.headers['set-cookie'])).toMatch(/__Host-cw_session=[^;]+;.*Secure/);
    } finally {
      await https.close();
    }
  });
});
