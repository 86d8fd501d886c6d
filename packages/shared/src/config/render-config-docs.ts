import type { z } from 'zod';
import { configSections } from './index.ts';
import { repoRoot } from './paths.config.ts';

/** docs/configuration.md, generated from the zod schemas so that the two cannot disagree. */
export function renderConfigDocs(): string {
  const lines = [
    '# Configuration',
    '',
    'Generated from `packages/shared/src/config/` by `pnpm cw config-docs`; a test keeps this file in step.',
    'Every variable is optional. Configuration is read once at start-up; a wrong value stops the program with',
    'a message that names the variable. Secrets (session secret, database passwords) belong in the environment',
    'or in `<data dir>/secrets/`, never in the repository.',
    '',
  ];
  for (const { concern, schema } of configSections) {
    lines.push(`## ${concern}`, '', '| Variable | Default | Meaning |', '|---|---|---|');
    for (const [name, field] of Object.entries(schema.shape)) {
      const description = (field as z.ZodType).description ?? '';
      lines.push(`| \`${name}\` | ${defaultOf(field as z.ZodType)} | ${description.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function defaultOf(field: z.ZodType): string {
  const parsed = field.safeParse(undefined);
  if (!parsed.success || parsed.data === undefined) return '—';
  const value = parsed.data as unknown;
  if (typeof value === 'string') {
    if (value === '') return '(empty)';
    // Absolute paths depend on the checkout; show them relative to the repository.
    return `\`${value.startsWith(`${repoRoot}/`) ? `<repo>${value.slice(repoRoot.length)}` : value}\``;
  }
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : `\`${value.join(',')}\``;
  if (typeof value === 'object' && value !== null)
    return Object.keys(value).length === 0 ? '(empty)' : `\`${JSON.stringify(value)}\``;
  return `\`${String(value)}\``;
}
