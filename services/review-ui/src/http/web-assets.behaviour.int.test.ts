import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

describe('serving the UI', () => {
  it('answers client routes with index.html, revalidated on every load', async () => {
    const response = await new TestBrowser(server.app).request('GET', '/flags/123?status=suggested', {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets as immutable', async () => {
    const response = await new TestBrowser(server.app).request('GET', '/assets/app-1.js');
    expect(response.status).toBe(200);
    expect(response.body).toBe('console.log(1)');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers unknown API paths and non-page requests with a JSON 404, and never serves dotfiles', async () => {
    const browser = new TestBrowser(server.app);
    const api = await browser.request('GET', '/api/nothing-here', { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.json()).toMatchObject({ code: 'not_found' });
    const image = await browser.request('GET', '/missing.png', { headers: { accept: 'image/avif,image/*' } });
    expect(image.status).toBe(404);
    expect(image.json()).toMatchObject({ code: 'not_found' });
    const dotfile = await browser.request('GET', '/.inputs-sha256');
    expect(dotfile.status).toBe(404);
  });
});
