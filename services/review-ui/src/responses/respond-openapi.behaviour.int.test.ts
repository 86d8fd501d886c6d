import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestBrowser, type TestServer } from '../testing/test-browser.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

describe('OpenAPI document: responses, audit, account and users', () => {
  it('describes each of their routes and methods with error responses', async () => {
    const doc = (await new TestBrowser(server.app).request('GET', '/api/openapi.json')).json<Doc>();
    const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
    expect(methods('/api/responses')).toEqual(['get', 'post']);
    expect(methods('/api/responses/{id}')).toEqual(['get', 'put']);
    for (const step of ['submit', 'approve', 'publish'])
      expect(methods(`/api/responses/{id}/${step}`)).toEqual(['post']);
    for (const read of ['versions', 'citation-check', 'export'])
      expect(methods(`/api/responses/{id}/${read}`)).toEqual(['get']);
    expect(methods('/api/facts')).toEqual(['get']);
    expect(methods('/api/audit')).toEqual(['get']);
    expect(methods('/api/audit/export')).toEqual(['get']);
    expect(methods('/api/account/totp')).toEqual(['get', 'post']);
    expect(methods('/api/account/totp/confirm')).toEqual(['post']);
    expect(methods('/api/account/totp/disable')).toEqual(['post']);
    expect(methods('/api/users')).toEqual(['get', 'post']);
    expect(methods('/api/users/{id}')).toEqual(['patch']);
    expect(methods('/api/users/{id}/unlock')).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/responses/{id}/approve']!.post!.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
    ]);
  });
});
