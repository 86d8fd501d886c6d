import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '@claimwatch/shared/config';
import { type Database, migrateToLatest, openDatabase } from '@claimwatch/shared/db';

/**
 * PGlite keeps its files in one directory that only one process may open. The process that opens it
 * holds this lock; a second one gets a clear message instead of corrupting the files.
 */
function lockEmbedded(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'claimwatch.lock');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database (${dataDir}) is in use by process ${pid} (probably \`claimwatch start\`). ` +
          'Stop it first, or set DATABASE_URL to a PostgreSQL server so that several processes can share it.',
      );
    }
  }
  const fd = openSync(lockFile, 'w');
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Opens the configured database (migrated), with the embedded-database lock when it is PGlite. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const unlock = config.database.kind === 'pglite' ? lockEmbedded(config.database.dataDir) : () => {};
  try {
    const database = await openDatabase(config.database);
    await migrateToLatest(database.db);
    return {
      ...database,
      async close() {
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Runs `work` with a migrated database and always closes it. */
export async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigratedDatabase(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
