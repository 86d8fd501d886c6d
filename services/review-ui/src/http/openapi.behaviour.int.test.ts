import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('OpenAPI document', () => {
  it('describes every API route with its schemas at /api/openapi.json', async () => {
    const response = await new TestBrowser(server.app).request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>
      >;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/flags', '/api/flags/{id}', '/api/session']),
    );
    // Each area checks its own paths (responses: respond-openapi.behaviour.int.test.ts).
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/triage/')).length).toBe(12);
    const digestPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/digest'));
    expect(digestPaths.sort()).toEqual([
      '/api/digest/live',
      '/api/digest/sources',
      '/api/digests',
      '/api/digests/{week}',
      '/api/digests/{week}/build',
      '/api/digests/{week}/export.csv',
      '/api/digests/{week}/export.json',
      '/api/digests/{week}/export.pdf',
    ]);
    expect(Object.keys(doc.paths['/api/session']!).sort()).toEqual(['delete', 'get', 'post']);
    const list = doc.paths['/api/flags']!.get!;
    expect(list.parameters?.map((p) => p.name).sort()).toEqual([
      'from',
      'lang',
      'limit',
      'model',
      'offset',
      'on',
      'reason',
      'shadow',
      'shadowFlag',
      'source',
      'status',
      'to',
    ]);
    expect(Object.keys(list.responses).sort()).toEqual(['200', '400', '401', '403']);
  });
});
