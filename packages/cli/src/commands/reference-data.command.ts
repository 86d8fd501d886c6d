import { readFileSync, writeFileSync } from 'node:fs';
import {
  exportKnownNarratives,
  exportVerifiedFacts,
  importClaimReviews,
  importKnownNarrativesFile,
  importVerifiedFactsFile,
} from '@claimwatch/classifier';
import { listKnownNarrativeVersions, listVerifiedFactVersions } from '@claimwatch/shared/db';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { withDatabase } from '../runtime.ts';

type Counts = { created: number; updated: number; unchanged: number };
const summary = (what: string, c: Counts) =>
  `${what}: ${c.created} created, ${c.updated} updated (new version), ${c.unchanged} unchanged`;

/** `facts` and `narratives` (import | export | history) and `claimreview import`. */
export function registerReferenceData(program: Command, context: CliContext): void {
  const approvalOptions = (command: Command) =>
    command
      .option('--approved-by <name>', 'who checked and approved these records (recorded with each version)')
      .option('--provenance <text>', 'where the records come from (default: file name and its status)')
      .option('--note <text>', 'change note stored with new versions');

  const facts = program.command('facts').description('Verified facts: the ground truth verdicts rest on');
  approvalOptions(
    facts
      .command('import <file>')
      .description('Import facts from JSON (infra/reference-data layout); all or nothing, idempotent'),
  ).action(async (file: string, o) => {
    await withDatabase(context.config(), async ({ db }) => {
      const counts = await importVerifiedFactsFile(db, file, {
        approvedByName: o.approvedBy ?? null,
        provenance: o.provenance,
        note: o.note ?? null,
      });
      context.out(summary('facts', counts));
    });
  });
  facts
    .command('export')
    .description('Export facts as JSON (the import layout, plus version and approval)')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--include-retired', 'also retired facts', false)
    .action(async (o) => {
      await withDatabase(context.config(), async ({ db }) => {
        const text = `${JSON.stringify(await exportVerifiedFacts(db, { includeRetired: o.includeRetired }), null, 2)}\n`;
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
      });
    });
  facts
    .command('history <id>')
    .description('Every version of a fact, oldest first (JSON lines)')
    .action(async (id: string) => {
      await withDatabase(context.config(), async ({ db }) => {
        const versions = await listVerifiedFactVersions(db, id);
        if (versions.length === 0) throw new Error(`No fact ${id}`);
        for (const v of versions) context.out(JSON.stringify(v));
      });
    });

  const narratives = program.command('narratives').description('Known false or misleading narratives');
  approvalOptions(
    narratives
      .command('import <file>')
      .description('Import narratives from JSON; every refutedBy fact must already be imported'),
  ).action(async (file: string, o) => {
    await withDatabase(context.config(), async ({ db }) => {
      const counts = await importKnownNarrativesFile(db, file, {
        approvedByName: o.approvedBy ?? null,
        provenance: o.provenance,
        note: o.note ?? null,
      });
      context.out(summary('narratives', counts));
    });
  });
  narratives
    .command('export')
    .description('Export narratives as JSON (the import layout, plus version and approval)')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--include-retired', 'also retired narratives', false)
    .action(async (o) => {
      await withDatabase(context.config(), async ({ db }) => {
        const text = `${JSON.stringify(await exportKnownNarratives(db, { includeRetired: o.includeRetired }), null, 2)}\n`;
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
      });
    });
  narratives
    .command('history <id>')
    .description('Every version of a narrative, oldest first (JSON lines)')
    .action(async (id: string) => {
      await withDatabase(context.config(), async ({ db }) => {
        const versions = await listKnownNarrativeVersions(db, id);
        if (versions.length === 0) throw new Error(`No narrative ${id}`);
        for (const v of versions) context.out(JSON.stringify(v));
      });
    });

  program
    .command('claimreview')
    .description('Fact-checks published by other organisations (schema.org ClaimReview)')
    .command('import <file>')
    .description('Import ClaimReview JSON-LD (object, array, @graph or JSON lines); idempotent by URL')
    .action(async (file: string) => {
      await withDatabase(context.config(), async ({ db }) => {
        context.out(summary('claim reviews', await importClaimReviews(db, file, readFileSync(file, 'utf8'))));
      });
    });
}
