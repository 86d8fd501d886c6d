import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSections, repoRoot } from './index.ts';
import { renderConfigDocs } from './render-config-docs.ts';

describe('docs/configuration.md', () => {
  it('documents every variable (regenerate with `pnpm cw config-docs`)', () => {
    const committed = readFileSync(path.join(repoRoot, 'docs/configuration.md'), 'utf8');
    expect(committed).toBe(renderConfigDocs());
  });

  it('has a description for every variable', () => {
    for (const { schema } of configSections) {
      for (const [name, field] of Object.entries(schema.shape)) {
        expect((field as { description?: string }).description, name).toMatch(/\S{3,}/);
      }
    }
  });
});
