import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { loadTestingConfig, readProcessEnv } from '../config/index.ts';
import { type Database, openPglite, openPostgres } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrator.ts';

/**
 * Each test file gets its own database, cloned from a migrated template: on PostgreSQL with
 * `CREATE DATABASE … TEMPLATE`, on PGlite by loading a dumped data directory. The template is keyed by
 * a hash of the migrations, so a new migration builds a new one.
 */

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations');

export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsDir).sort()) {
    hash.update(file);
    hash.update(readFileSync(path.join(migrationsDir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

const templateName = () => `claimwatch_tmpl_${migrationsHash()}`;
const pgliteTemplateFile = () => path.join(tmpdir(), 'claimwatch-test', `pglite-${migrationsHash()}.tar.gz`);

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Called once per run (vitest globalSetup) before any test file asks for a database. */
export async function prepareTemplates(kind: 'postgres' | 'pglite', adminUrl: string): Promise<void> {
  if (kind === 'pglite') {
    const file = pgliteTemplateFile();
    if (existsSync(file)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    const client = await PGlite.create();
    const db = new Kysely<unknown>({ dialect: new PGliteDialect(client) });
    await migrateToLatest(db);
    const dump = await client.dumpDataDir('gzip');
    await db.destroy();
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const name = templateName();
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    const building = `${name}_building_${process.pid}`;
    await admin.query(`create database ${building}`);
    const db = new Kysely<unknown>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: withDatabase(adminUrl, building), max: 1 }),
      }),
    });
    await migrateToLatest(db);
    await db.destroy();
    await admin.query(`alter database ${building} rename to ${name}`);
  } finally {
    await admin.end();
  }
}

export type TestDatabase = Database & {
  name: string;
  /** The PostgreSQL URL other processes can open (absent for PGlite, which one process owns). */
  url?: string;
};

/**
 * `kind` overrides the run's database for tests that need several processes on one database
 * (PGlite is single-process by design, see docs/decisions/0002): they use PostgreSQL in both runs.
 */
export async function createTestDatabase(
  options: { kind?: 'postgres' | 'pglite' } = {},
): Promise<TestDatabase> {
  const testing = loadTestingConfig(readProcessEnv());
  const kind = options.kind ?? testing.db;
  const { adminUrl } = testing;
  const name = `cwtest_${randomBytes(6).toString('hex')}`;
  if (kind === 'pglite') {
    const file = pgliteTemplateFile();
    if (!existsSync(file)) await prepareTemplates('pglite', adminUrl);
    const database = await openPglite({ loadDataDir: new Blob([readFileSync(file)]) });
    return { ...database, name };
  }
  await prepareTemplates('postgres', adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templateName()}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const database = openPostgres(url, 5);
  return {
    ...database,
    name,
    url,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
