import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestQueues, type TestQueues } from '@claimwatch/shared/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnChild } from '../testing/spawn-child.ts';

// Several crawler processes fetch from one host at once; the host sees one request at a time, and
// request starts at least the gap apart. The gap lives in Redis, so the processes agree without talking.
const GAP_MS = 400;
const PROCESSES = 3;
const PER_PROCESS = 4;

let server: Server;
let base = '';
const arrivals: number[] = [];
let inFlight = 0;
let maxInFlight = 0;
let q: TestQueues;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
    arrivals.push(performance.now());
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Each answer takes a while, so overlapping requests would be seen.
    setTimeout(() => {
      inFlight--;
      res.setHeader('content-type', 'text/html');
      res.end('<html><body><p>ok</p></body></html>');
    }, 150);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  q = await createTestQueues();
});

afterAll(async () => {
  await q?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('per-host politeness across worker processes (real Redis)', () => {
  it('keeps one request in flight and the gap between request starts, whatever process sends it', async () => {
    const children = Array.from({ length: PROCESSES }, (_, p) =>
      spawnChild(new URL('../testing/politeness-child.ts', import.meta.url), {
        prefix: q.prefix,
        urls: Array.from({ length: PER_PROCESS }, (_, i) => `${base}/p${p}/article-${i}.html`),
        gapMs: GAP_MS,
        allowHost: new URL(base).host,
      }),
    );
    const codes = await Promise.all(children.map((c) => c.exited));
    expect(codes).toEqual(children.map(() => 0));
    expect(children.flatMap((c) => c.lines)).toHaveLength(PROCESSES * PER_PROCESS);
    expect(arrivals).toHaveLength(PROCESSES * PER_PROCESS);
    expect(maxInFlight).toBe(1);
    const sorted = [...arrivals].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((t, i) => t - sorted[i]!);
    // Starts are spaced by Redis' clock; arrivals add a little network jitter either way.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(GAP_MS - 40);
  });
});
