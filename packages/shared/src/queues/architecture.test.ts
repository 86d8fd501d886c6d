import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config/index.ts';
import { queueCatalog, queueOwners } from './catalog.ts';

describe('ARCHITECTURE.md stage table', () => {
  it('lists every queue with its job name and consumer, in catalog order', () => {
    const markdown = readFileSync(path.join(repoRoot, 'ARCHITECTURE.md'), 'utf8');
    const stages = markdown.slice(markdown.indexOf('## Stages'));
    const rows = [...stages.matchAll(/^\| `([a-z-]+)` \| `([a-z-]+)` \| ([a-z-]+) \|/gm)].map((m) => ({
      queue: m[1],
      job: m[2],
      consumer: m[3],
    }));
    expect(rows).toEqual(
      Object.entries(queueCatalog).map(([name, def]) => ({
        queue: def.name,
        job: def.jobName,
        consumer: queueOwners[name as keyof typeof queueOwners],
      })),
    );
  });
});
