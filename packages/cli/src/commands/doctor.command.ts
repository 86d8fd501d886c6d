import { existsSync } from 'node:fs';
import { chooseCheckworthinessModel, findModel, verifyInstalledModels } from '@claimwatch/classifier';
import { serviceStatus } from '@claimwatch/infra/services';
import { type Config, ConfigError } from '@claimwatch/shared/config';
import { openDatabase } from '@claimwatch/shared/db';
import { createRedisConnection } from '@claimwatch/shared/queues';
import type { Command } from 'commander';
import { sql } from 'kysely';
import type { CliContext } from '../cli-context.ts';

export type Check = { name: string; ok: boolean; detail: string; fix?: string };

const MIN_NODE = [20, 19];

function checkNode(): Check {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > MIN_NODE[0]! || (major === MIN_NODE[0] && minor >= MIN_NODE[1]!);
  return {
    name: 'Node.js',
    ok,
    detail: `v${process.versions.node}`,
    fix: ok ? undefined : `install Node.js ${MIN_NODE.join('.')} or newer`,
  };
}

async function checkRedis(config: Config): Promise<Check> {
  const redis = createRedisConnection(config.redis.url);
  redis.options.maxRetriesPerRequest = 1;
  try {
    const info = await Promise.race([
      redis.info('server'),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 3 s')), 3000)),
    ]);
    const policy = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
    const ok = policy[1] === 'noeviction';
    return {
      name: 'Redis',
      ok,
      detail: `${config.redis.url} (redis ${version}, maxmemory-policy ${policy[1]})`,
      fix: ok
        ? undefined
        : 'BullMQ needs maxmemory-policy noeviction: redis-cli config set maxmemory-policy noeviction',
    };
  } catch (error) {
    return {
      name: 'Redis',
      ok: false,
      detail: `${config.redis.url}: ${error instanceof Error ? error.message : String(error)}`,
      fix: 'run infra/scripts/redis.sh ensure (installs redis-server as root if missing), or set REDIS_URL',
    };
  } finally {
    redis.disconnect();
  }
}

async function checkDatabase(config: Config): Promise<Check> {
  // The embedded database is not opened here: `start` may hold it, and opening it twice corrupts it.
  if (config.database.kind === 'pglite') {
    return {
      name: 'Database',
      ok: true,
      detail: `embedded PGlite at ${config.database.dataDir} (no DATABASE_URL)`,
    };
  }
  try {
    const database = await openDatabase(config.database);
    try {
      const { rows } = await sql<{ version: string }>`select version()`.execute(database.db);
      return { name: 'Database', ok: true, detail: rows[0]?.version.split(',')[0] ?? 'PostgreSQL' };
    } finally {
      await database.close();
    }
  } catch (error) {
    return {
      name: 'Database',
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
      fix: 'check DATABASE_URL, or run infra/scripts/postgres.sh ensure for a local server',
    };
  }
}

function checkChromium(config: Config): Check {
  const ok = existsSync(config.crawler.chromiumPath);
  return {
    name: 'Chromium',
    ok,
    detail: ok ? config.crawler.chromiumPath : `${config.crawler.chromiumPath} not found`,
    fix: ok
      ? undefined
      : 'run infra/scripts/chromium.sh ensure (apt-get install chromium as root), or set CHROMIUM_PATH',
  };
}

export async function checkModels(config: Config): Promise<Check> {
  const dirs = { modelsDir: config.paths.modelsDir };
  try {
    const chosen = chooseCheckworthinessModel(config.classifier, dirs);
    // Every other model the configuration names must be installed too (the shadow model included: a
    // missing one is only logged by the classifier, so say it here).
    const named = [
      ['embedding', config.classifier.embeddingModel],
      ['NLI', config.classifier.nliModel],
      ['shadow check-worthiness', config.classifier.shadowCheckworthyModel],
    ] as const;
    const configured = named.flatMap(([role, id]) => {
      if (!id) return [];
      const m = findModel(dirs, id);
      return [`${role}: ${m.manifest.id}@${m.manifest.revision}`];
    });
    const results = await verifyInstalledModels(dirs);
    const bad = results.filter((r) => !r.ok);
    return {
      name: 'Models',
      ok: bad.length === 0,
      detail:
        bad.length === 0
          ? [
              `${results.length} installed, hashes ok; check-worthiness: ${chosen.manifest.id}@${chosen.manifest.revision}`,
              ...configured,
            ].join('; ')
          : bad.map((r) => `${r.id}: ${r.problems.join(', ')}`).join('; '),
      fix:
        bad.length === 0
          ? undefined
          : 'reinstall with `claimwatch models pull` or `claimwatch models import`',
    };
  } catch (error) {
    return {
      name: 'Models',
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
      fix: 'check CLASSIFIER_CHECKWORTHY_MODEL / CLASSIFIER_EMBEDDING_MODEL / CLASSIFIER_NLI_MODEL / CLASSIFIER_SHADOW_CHECKWORTHY_MODEL, then `claimwatch models list`',
    };
  }
}

export async function runChecks(context: CliContext): Promise<Check[]> {
  let config: Config;
  try {
    config = context.config();
  } catch (error) {
    if (error instanceof ConfigError)
      return [
        { name: 'Configuration', ok: false, detail: error.message, fix: 'fix the variables named above' },
      ];
    throw error;
  }
  const postgres = await serviceStatus('postgres', { ...context.env } as NodeJS.ProcessEnv);
  return [
    checkNode(),
    { name: 'Configuration', ok: true, detail: 'all variables valid' },
    await checkRedis(config),
    await checkDatabase(config),
    {
      name: 'PostgreSQL (tests)',
      ok: postgres.isReady,
      detail: postgres.detail,
      fix: postgres.isReady ? undefined : 'needed by the test suite: infra/scripts/postgres.sh ensure',
    },
    checkChromium(config),
    await checkModels(config),
  ];
}

export function registerDoctor(program: Command, context: CliContext): void {
  program
    .command('doctor')
    .description(
      'Check Node, configuration, Redis, database, Chromium and models; say how to fix what is missing',
    )
    .action(async () => {
      const checks = await runChecks(context);
      for (const c of checks) {
        context.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(20)} ${c.detail}`);
        if (!c.ok && c.fix) context.out(`      → ${c.fix}`);
      }
      if (checks.some((c) => !c.ok)) process.exitCode = 1;
    });
}
