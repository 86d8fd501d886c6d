import { listSources, setSourceEnabled, upsertSource } from '@claimwatch/shared/db';
import { type SourceKind, sourceKinds } from '@claimwatch/shared/domain';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { withDatabase } from '../runtime.ts';

export function registerSources(program: Command, context: CliContext): void {
  const sources = program.command('sources').description('Manage crawled sources');

  sources
    .command('add')
    .description('Add a source, or update the one with the same URL')
    .requiredOption('--url <url>', 'feed, sitemap, listing page, homepage or article URL')
    .option('--name <name>', 'display name (default: the host)')
    .option('--kind <kind>', `one of ${sourceKinds.join(', ')}`, 'feed')
    .option('--lang <code>', 'language hint, e.g. vi or en')
    .option('--priority <n>', 'weight of its flags, 0–10', '1')
    .option('--interval <seconds>', 'poll interval in seconds', '3600')
    .option('--render', 'render pages with Chromium (JavaScript sites)', false)
    .option('--selectors <json>', 'CSS selectors as JSON, e.g. {"links":"a.story"}', '{}')
    .option('--disabled', 'add without crawling yet', false)
    .action(async (o) => {
      const url = new URL(o.url).href;
      if (!sourceKinds.includes(o.kind)) throw new Error(`--kind must be one of ${sourceKinds.join(', ')}`);
      const selectors = JSON.parse(o.selectors) as unknown;
      if (typeof selectors !== 'object' || selectors === null || Array.isArray(selectors)) {
        throw new Error('--selectors must be a JSON object');
      }
      await withDatabase(context.config(), async ({ db }) => {
        const row = await upsertSource(db, {
          url,
          name: o.name ?? new URL(url).host,
          kind: o.kind as SourceKind,
          language_hint: o.lang ?? null,
          priority: Number(o.priority),
          poll_interval_seconds: Number(o.interval),
          render: Boolean(o.render),
          selectors: JSON.stringify(selectors),
          is_enabled: !o.disabled,
        });
        context.out(`${row.id}\t${row.kind}\t${row.url}`);
      });
    });

  sources
    .command('list')
    .description('List sources')
    .option('--json', 'print JSON lines', false)
    .action(async (o) => {
      await withDatabase(context.config(), async ({ db }) => {
        for (const s of await listSources(db)) {
          if (o.json) context.out(JSON.stringify(s));
          else
            context.out(
              [
                s.id,
                s.is_enabled ? 'enabled ' : 'disabled',
                s.kind,
                s.url,
                `every ${s.poll_interval_seconds}s`,
                s.name,
              ].join('\t'),
            );
        }
      });
    });

  for (const [name, isEnabled] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    sources
      .command(`${name} <idOrUrl>`)
      .description(`${name === 'disable' ? 'Stop' : 'Resume'} crawling a source`)
      .action(async (idOrUrl: string) => {
        await withDatabase(context.config(), async ({ db }) => {
          const changed = await setSourceEnabled(db, idOrUrl, isEnabled);
          if (changed === 0) throw new Error(`No source with id or URL ${idOrUrl}`);
          context.out(`${name}d ${idOrUrl}`);
        });
      });
  }
}
