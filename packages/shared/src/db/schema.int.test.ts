import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as references from '../domain/references.ts';
import * as statuses from '../domain/statuses.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { createMigrator } from './migrator.ts';
import { renderSchemaTypes } from './schema-types.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

describe('migrated schema', () => {
  it('has applied every migration', async () => {
    const migrations = await createMigrator(t.db).getMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.filter((m) => !m.executedAt)).toEqual([]);
  });

  it('matches the committed generated/schema.ts (run `pnpm db:types` after adding a migration)', async () => {
    const committed = readFileSync(
      path.join(path.dirname(fileURLToPath(import.meta.url)), 'generated/schema.ts'),
      'utf8',
    );
    expect(await renderSchemaTypes(t.db)).toBe(committed);
  });

  // Each status column's check constraint must list exactly the values of its TypeScript union.
  const mirrored: [table: string, column: string, values: readonly string[]][] = [
    ['sources', 'kind', statuses.sourceKinds],
    ['pages', 'status', statuses.pageStatuses],
    ['fetches', 'outcome', statuses.fetchOutcomes],
    ['documents', 'status', statuses.documentStatuses],
    ['documents', 'published_reliability', statuses.publishedReliabilities],
    ['claims', 'claim_type', statuses.claimTypes],
    ['flags', 'reason', statuses.flagReasons],
    ['flags', 'status', statuses.flagStatuses],
    ['users', 'locale', statuses.locales],
    ['cluster_appearances', 'match', statuses.appearanceMatches],
    ['verified_facts', 'kind', references.factKinds],
    ['verified_facts', 'status', references.referenceStatuses],
    ['known_narratives', 'status', references.referenceStatuses],
    ['flag_references', 'reference_kind', references.referenceKinds],
    ['reference_changes', 'reference_kind', references.referenceKinds],
    ['flags', 'dismiss_reason', statuses.dismissReasons],
    ['responses', 'template', statuses.responseTemplates],
    ['responses', 'verdict_label', statuses.verdictLabels],
    ['responses', 'status', statuses.responseStatuses],
    ['response_citations', 'kind', statuses.citationKinds],
  ];

  it.each(mirrored)('%s.%s accepts exactly its TypeScript union', async (table, column, values) => {
    const { rows } = await sql<{ def: string }>`
      select pg_get_constraintdef(c.oid) as def
      from pg_constraint c join pg_class r on r.oid = c.conrelid
      where r.relname = ${table} and c.contype = 'c'`.execute(t.db);
    const constraint = rows
      .map((r) => r.def)
      .find((d) => new RegExp(`\\b${column}\\b`).test(d) && /= ANY|IN \(/i.test(d));
    expect(constraint, `no check constraint on ${table}.${column}`).toBeDefined();
    const inSql = [...constraint!.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(new Set(inSql)).toEqual(new Set(values));
  });

  it('keeps the audit log append-only', async () => {
    await sql`insert into audit_events (action, entity_type, entity_id) values ('test', 'x', '1')`.execute(
      t.db,
    );
    await expect(sql`update audit_events set action = 'changed'`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});
