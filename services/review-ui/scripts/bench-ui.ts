/**
 * `pnpm bench:ui`: latency of the triage list API (GET /api/triage/flags) with 100k flags on real
 * PostgreSQL, 50 concurrent clients over loopback, measured with autocannon (npm) in this process.
 * The server is the real one (sessions, access control, CSRF hooks, zod serialisation, Redis lock
 * look-ups); every request is a signed-in monitor's. autocannon runs as a separate process. Scenarios, run one after another:
 *   1. the default queue (suggested, highest priority first, first page of 50, with the total count);
 *   2. a filtered queue (language + country entity + score range);
 *   3. a deep page (a keyset cursor 5,000 rows in);
 *   4–5. 1 and 2 on the same server with the 2-second total cache off (every request counts).
 *   --flags N (default 100000)   --connections N (default 50)   --seconds N (default 15)
 */

import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openPostgres } from '@claimwatch/shared/db';
import { createLogger } from '@claimwatch/shared/logging';
import { createTestDatabase, createTestQueues } from '@claimwatch/shared/testing';
import { sql } from 'kysely';
import { createUserAccount } from '../src/auth/user-accounts.ts';
import { createReviewServer } from '../src/http/create-server.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const FLAGS = option('--flags', 100_000);
const CONNECTIONS = option('--connections', 50);
const SECONDS = option('--seconds', 15);
const PASSWORD = 'bench password that is long enough';

const database = await createTestDatabase({ kind: 'postgres' });
const queues = await createTestQueues();
const db = database.db;

console.log(`seeding ${FLAGS.toLocaleString('en')} flags on PostgreSQL (${database.name}) …`);
const seedStarted = performance.now();
await sql`insert into sources (name, kind, url)
  select 'Source ' || i, 'feed', 'https://source-' || i || '.example/feed' from generate_series(1, 50) i`.execute(
  db,
);
await sql`insert into pages (source_id, url, url_key, status)
  select (select id from sources order by name offset (i % 50) limit 1),
         'https://news.example/a/' || i, 'news.example/a/' || i, 'extracted'
  from generate_series(1, ${FLAGS}) i`.execute(db);
await sql`insert into documents (page_id, source_id, url, title, text, lang, published_at, extractor, content_hash, status)
  select p.id, p.source_id, p.url, 'Article ' || p.url_key,
         'Hà Nội. Việt Nam và đối tác ký thỏa thuận hợp tác về thương mại và an ninh. Hai bên sẽ họp lại.',
         (array['vi','en','zh','fr','ru'])[1 + (hashtext(p.url_key) & 4)],
         now() - ((hashtext(p.url_key) & 1023) || ' hours')::interval, 'bench', md5(p.url_key), 'classified'
  from pages p`.execute(db);
await sql`insert into claims (document_id, start_offset, end_offset, text, checkworthiness, claim_type, entities, model_id, model_revision)
  select d.id, 9, 80, 'Việt Nam và đối tác ký thỏa thuận hợp tác về thương mại và an ninh.', 0.7, 'agreement_signed',
         jsonb_build_array(jsonb_build_object('id', 'VN', 'kind', 'country', 'start', 0, 'end', 8),
                           jsonb_build_object('id', (array['CN','US','JP','RU','FR','KR','IN','ASEAN'])[1 + (hashtext(d.url) & 7)],
                                              'kind', 'country', 'start', 12, 'end', 19)),
         'bench-detector', '1'
  from documents d`.execute(db);
await sql`insert into flags (claim_id, document_id, reason, status, score, priority, evidence, models, created_at)
  select c.id, c.document_id,
         (array['contradicts_verified_fact','repeats_known_narrative','unverified_checkworthy'])[1 + (hashtext(c.id::text) & 1) + (hashtext(c.id::text) >> 30 & 1)],
         case when hashtext(c.id::text) & 7 < 5 then 'suggested'
              else (array['confirmed','dismissed','escalated'])[1 + (abs(hashtext(c.id::text)) % 3)] end,
         r, r * (0.5 + random() / 2),
         '{"sentence":"bench","matches":[],"thresholds":{"checkworthiness":0.6}}'::jsonb,
         '[{"id":"bench-detector","revision":"1"}]'::jsonb,
         now() - ((abs(hashtext(c.id::text)) % 100000) || ' seconds')::interval
  from (select c.*, random() as r from claims c) c`.execute(db);
// Autovacuum keeps a live table vacuumed; a freshly bulk-loaded one is not yet (index-only counts need it).
await sql`vacuum analyze`.execute(db);
const counts = await sql<{
  status: string;
  n: string;
}>`select status, count(*) as n from flags group by 1 order by 1`.execute(db);
console.log(
  `seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s:`,
  counts.rows.map((r) => `${r.status} ${Number(r.n).toLocaleString('en')}`).join(', '),
);

if (args.includes('--explain')) {
  // Query plans of the count and the first page, for tuning.
  const { countQuery, pageQuery } = await import('../src/triage/triage-query.ts');
  const plan = async (label: string, query: { sql: string; parameters: readonly unknown[] }) => {
    const result = await db.executeQuery({ ...query, sql: `explain analyze ${query.sql}` } as never);
    const lines = (result.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']);
    console.log(`\n${label}\n${lines.join('\n')}`);
  };
  for (const filter of [
    { status: 'suggested' as const },
    { status: 'suggested' as const, lang: 'vi', entity: 'CN', minScore: 0.3, maxScore: 0.9 },
  ]) {
    await plan(`count ${JSON.stringify(filter)}`, countQuery(db, filter).compile());
    await plan(`page ${JSON.stringify(filter)}`, pageQuery(db, filter, 50, undefined).compile());
  }
}

const user = await createUserAccount(db, {
  email: 'bench@claimwatch.test',
  displayName: 'Bench Monitor',
  password: PASSWORD,
  roles: ['monitor'],
});
// The server gets its own pool of the production default size (DATABASE_POOL_MAX = 10).
const serverDb = openPostgres(database.url!, 10);
const app = await createReviewServer({
  db: serverDb.db,
  logger: createLogger({ level: 'silent' }, 'bench-ui'),
  sessionSecret: 'bench-session-secret-that-is-long-enough-0123456789',
  isHttps: false,
  redis: { client: queues.redis, prefix: queues.prefix },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;
// The same server with totals counted on every request, for the side-by-side row.
const uncachedApp = await createReviewServer({
  db: serverDb.db,
  logger: createLogger({ level: 'silent' }, 'bench-ui'),
  sessionSecret: 'bench-session-secret-that-is-long-enough-0123456789',
  isHttps: false,
  redis: { client: queues.redis, prefix: queues.prefix },
  triage: { countCacheMs: 0 },
});
await uncachedApp.listen({ host: '127.0.0.1', port: 0 });
const uncachedBase = `http://127.0.0.1:${(uncachedApp.server.address() as { port: number }).port}`;

// Sign in like the UI: session probe for the CSRF token, then POST /api/session.
const cookieJar = new Map<string, string>();
const keepCookies = (response: Response) => {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const [name, value] = pair!.split('=');
    cookieJar.set(name!, value ?? '');
  }
};
const cookie = () => [...cookieJar].map(([k, v]) => `${k}=${v}`).join('; ');
const probe = await fetch(`${base}/api/session`);
keepCookies(probe);
const { csrfToken } = (await probe.json()) as { csrfToken: string };
const login = await fetch(`${base}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: cookie() },
  body: JSON.stringify({ email: user.email, password: PASSWORD }),
});
if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
keepCookies(login);

async function get(path: string): Promise<{ total: number; nextCursor: string | null; items: unknown[] }> {
  const response = await fetch(`${base}${path}`, { headers: { cookie: cookie() } });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ total: number; nextCursor: string | null; items: unknown[] }>;
}

// A cursor 5,000 rows into the suggested queue (100 pages of 50 walked once, as a person would not).
let cursor: string | null = null;
for (let i = 0; i < 25; i++)
  cursor = (await get(`/api/triage/flags?status=suggested&limit=200${cursor ? `&cursor=${cursor}` : ''}`))
    .nextCursor;

type LoadResult = {
  latency: { p50: number; p99: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
};

/** autocannon's CLI in its own process, so the load generator does not share the server's event loop. */
const autocannonBin = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../node_modules/.bin/autocannon',
);
async function loadTest(url: string): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(
    autocannonBin,
    ['-c', String(CONNECTIONS), '-d', String(SECONDS), '-j', '-H', `cookie=${cookie()}`, url],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as LoadResult;
}

const scenarios = [
  ['default queue (suggested, page 1 of 50, with total)', '/api/triage/flags?status=suggested&limit=50'],
  [
    'filtered (lang=vi, entity=CN, score 0.3–0.9)',
    '/api/triage/flags?status=suggested&lang=vi&entity=CN&minScore=0.3&maxScore=0.9&limit=50',
  ],
  ['deep keyset page (5,000 rows in)', `/api/triage/flags?status=suggested&limit=50&cursor=${cursor}`],
  [
    'default queue, totals counted every request',
    '/api/triage/flags?status=suggested&limit=50',
    uncachedBase,
  ],
  [
    'filtered, totals counted every request',
    '/api/triage/flags?status=suggested&lang=vi&entity=CN&minScore=0.3&maxScore=0.9&limit=50',
    uncachedBase,
  ],
] as [string, string, string?][];

console.log(
  `\nautocannon ${CONNECTIONS} connections × ${SECONDS} s per scenario, loopback, Node ${process.version}, PostgreSQL, ${FLAGS.toLocaleString('en')} flags\n`,
);
const rows: string[] = [];
for (const [name, path, server = base] of scenarios) {
  const sample = await get(path);
  const result = await loadTest(`${server}${path}`);
  const failures = result.non2xx + result.errors + result.timeouts;
  rows.push(
    `${name.padEnd(46)} p50 ${String(result.latency.p50).padStart(5)} ms  p99 ${String(result.latency.p99).padStart(5)} ms  ` +
      `${Math.round(result.requests.average).toString().padStart(5)} req/s  total=${sample.total.toLocaleString('en')}  items=${sample.items.length}  failures=${failures}`,
  );
  console.log(rows.at(-1));
}

await app.close();
await uncachedApp.close();
await serverDb.close();
await queues.close();
await database.close();
