import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/index.ts';
import { queueCatalog, queueOwners, queuesOwnedBy, serviceNames } from './catalog.ts';
import { outcomeFor } from './worker.ts';

const uuid = '6f1d2c3b-4a5e-4f60-8a9b-0c1d2e3f4a5b';
const samplePayloads = {
  poll: { sourceId: uuid, dueAt: '2026-11-23T08:00:00.000Z' },
  fetch: { pageId: uuid },
  render: { pageId: uuid },
  extract: { pageId: uuid, snapshotId: uuid },
  classify: { documentId: uuid, contentHash: '0123456789abcdef' },
  verify: { documentId: uuid, modelSet: 'rules-1' },
  digest: { week: '2026-W47', send: true },
} as const;

describe('queue catalog', () => {
  it('gives every queue a distinct kebab-case name and job name', () => {
    const defs = Object.values(queueCatalog);
    expect(new Set(defs.map((d) => d.name)).size).toBe(defs.length);
    for (const def of defs) {
      expect(def.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(def.jobName).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('builds deterministic job ids without ":"', () => {
    for (const [name, def] of Object.entries(queueCatalog)) {
      const payload = samplePayloads[name as keyof typeof samplePayloads];
      const id = def.jobId(payload as never);
      expect(id).not.toContain(':');
      expect(def.jobId(structuredClone(payload) as never)).toBe(id);
    }
  });

  it('accepts ids and rejects content or malformed ids in payloads', () => {
    expect(queueCatalog.fetch.payload.safeParse({ pageId: uuid }).success).toBe(true);
    expect(queueCatalog.fetch.payload.safeParse({ pageId: 'not-an-id' }).success).toBe(false);
    expect(queueCatalog.fetch.payload.safeParse({}).success).toBe(false);
  });

  it('gives each queue exactly one owning service', () => {
    const owned = serviceNames.flatMap((s) => queuesOwnedBy(s));
    expect(owned.sort()).toEqual(Object.keys(queueCatalog).sort());
    expect(Object.keys(queueOwners).sort()).toEqual(Object.keys(queueCatalog).sort());
  });

  it('retries only what may succeed later', () => {
    expect(outcomeFor(new AppError('fetch_ssrf_refused', 'x'))).toBe('fail_now');
    expect(outcomeFor(new AppError('fetch_timeout', 'x'))).toBe('retry');
    expect(outcomeFor(new AppError('fetch_host_busy', 'x'))).toBe('delay');
    expect(outcomeFor(new AppError('internal', 'x'))).toBe('retry_and_alert');
  });
});
