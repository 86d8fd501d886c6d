import { updateSourceSettings, upsertSource } from '@claimwatch/shared/db';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { withDatabase } from '../runtime.ts';

/** `sources set` (per-source settings) and `sources submit` (a single URL from staff). */
export function registerSourceSettings(program: Command, context: CliContext): void {
  const sources = program.commands.find((c) => c.name() === 'sources') ?? program.command('sources');

  sources
    .command('set <idOrUrl>')
    .description('Change a source: interval, language hint, priority, rendering, selectors, enabled')
    .option('--interval <seconds>', 'poll interval in seconds (resets the adaptive interval)')
    .option('--lang <code>', 'language hint, e.g. vi or en ("" clears it)')
    .option('--priority <n>', 'weight of its flags, 0–10')
    .option('--render', 'render its pages with Chromium')
    .option('--no-render', 'fetch its pages over plain HTTP')
    .option('--selectors <json>', 'CSS selectors as JSON, e.g. {"links":"a.story","exclude":".ads"}')
    .option('--name <name>', 'display name')
    .action(async (idOrUrl: string, o) => {
      const settings: Parameters<typeof updateSourceSettings>[2] = {};
      if (o.interval !== undefined)
        settings.poll_interval_seconds = positiveInt(o.interval, '--interval', 60);
      if (o.lang !== undefined) settings.language_hint = o.lang || null;
      if (o.priority !== undefined) settings.priority = Number(o.priority);
      if (o.render !== undefined) settings.render = Boolean(o.render);
      if (o.selectors !== undefined) settings.selectors = JSON.stringify(parseSelectors(o.selectors));
      if (o.name !== undefined) settings.name = o.name;
      if (Object.keys(settings).length === 0) throw new Error('Nothing to change: give at least one option');
      await withDatabase(context.config(), async ({ db }) => {
        const row = await updateSourceSettings(db, idOrUrl, settings);
        if (!row) throw new Error(`No source with id or URL ${idOrUrl}`);
        context.out(
          `${row.id}\t${row.kind}\tevery ${row.poll_interval_seconds}s\trender=${row.render}\t${row.url}`,
        );
      });
    });

  sources
    .command('submit <url>')
    .description('Crawl one article URL now (a staff submission); it is fetched once')
    .option('--lang <code>', 'language hint')
    .option('--render', 'render it with Chromium', false)
    .action(async (raw: string, o) => {
      const url = new URL(raw).href;
      if (!/^https?:$/.test(new URL(url).protocol)) throw new Error('Only http(s) URLs can be submitted');
      await withDatabase(context.config(), async ({ db }) => {
        const row = await upsertSource(db, {
          url,
          name: `submitted: ${new URL(url).host}`,
          kind: 'url',
          language_hint: o.lang ?? null,
          render: Boolean(o.render),
        });
        context.out(`${row.id}\turl\t${row.url}`);
      });
    });
}

function positiveInt(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}`);
  return n;
}

function parseSelectors(json: string): Record<string, string> {
  const value = JSON.parse(json) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error('--selectors must be a JSON object');
  for (const [key, selector] of Object.entries(value)) {
    if (!['links', 'exclude'].includes(key) || typeof selector !== 'string') {
      throw new Error('--selectors accepts {"links": "<css>", "exclude": "<css>"}');
    }
  }
  return value as Record<string, string>;
}
