/**
 * `pnpm bench:digest`: how long building one week's digest takes on real PostgreSQL, for a week with
 * 100k documents and 10k flags (and four weeks of history before it: another 100k documents), target
 * ≤ 10 s. Seeds a throw-away database on TEST_DATABASE_URL's server with set-based SQL, builds the week
 * three times (the first cold), prints the times, then drops the database.
 *
 * Shadow mode: every flagged claim and SHADOW_CLAIMS more unflagged claims of the week carry a shadow
 * model's score; the shadow comparison's own query time is printed next to the whole build's.
 *
 * Options: --docs N (documents in the week, default 100000), --flags N (default 10000),
 * --shadow-claims N (unflagged claims with a shadow score, default 50000).
 */
import { performance } from 'node:perf_hooks';
import { loadTestingConfig, readProcessEnv } from '@claimwatch/shared/config';
import { countShadowOutcomes, migrateToLatest, openPostgres } from '@claimwatch/shared/db';
import { sql } from 'kysely';
import pg from 'pg';
import { buildWeeklyDigest } from '../src/digest/build-digest.ts';
import { weekWindow } from '../src/digest/iso-week.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DOCS = option('docs', 100_000);
const HISTORY = DOCS;
const FLAGS = option('flags', 10_000);
const SHADOW_CLAIMS = option('shadow-claims', 50_000);
const SOURCES = 200;
const WEEK = '2026-W47';
const TZ = 'Asia/Ho_Chi_Minh';

const { adminUrl } = loadTestingConfig(readProcessEnv());
const name = `claimwatch_bench_digest_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = openPostgres(url.toString());
const { db } = database;

try {
  await migrateToLatest(db);
  const { start, end } = weekWindow(WEEK, TZ);
  const weekSeconds = (end.getTime() - start.getTime()) / 1000;
  const t0 = performance.now();
  const run = (query: string) => sql.raw(query).execute(db);
  await run(
    `insert into sources (name, kind, url) select 'Source ' || i, 'feed', 'https://s' || i || '.example/rss' from generate_series(1, ${SOURCES}) i`,
  );
  // Documents: DOCS spread over the week, HISTORY over the 28 days before it, in three languages.
  await run(`
    with src as (select array_agg(id order by name) as ids from sources),
    p as (
      insert into pages (source_id, url, url_key, status)
      select src.ids[1 + i % ${SOURCES}], 'https://s' || (i % ${SOURCES}) || '.example/a/' || i, 'k' || i,
        case when i % 50 = 0 then 'failed' else 'extracted' end
      from generate_series(1, ${DOCS + HISTORY}) i, src
      returning id, source_id, url, url_key)
    insert into documents (page_id, source_id, url, text, lang, extractor, content_hash, status, created_at, published_at)
    select p.id, p.source_id, p.url, 'text', (array['vi','en','zh'])[1 + n % 3], 'bench', md5(p.url_key), 'classified', t, t
    from (select p.*, substring(p.url_key from 2)::int as n from p) p,
      lateral (select case when n <= ${DOCS}
        then '${start.toISOString()}'::timestamptz + make_interval(secs => (n - 1)::float8 * ${weekSeconds} / ${DOCS})
        else '${start.toISOString()}'::timestamptz - interval '28 days' + make_interval(secs => (n - ${DOCS} - 1)::float8 * ${28 * 86400} / ${HISTORY})
      end as t) ts`);
  await run(`
    insert into classifications (document_id, lang, relevance, model_set)
    select id, lang, case when abs(hashtext(id::text)) % 10 < 3 then 0.8 else 0.2 end, 'bench' from documents`);
  await run(`
    insert into known_narratives (id, title_vi, title_en, description_vi, description_en, provenance)
    select 'n-' || i, 'Luận điệu ' || i, 'Narrative ' || i, 'mô tả', 'description', 'bench' from generate_series(1, 20) i`);
  // Flags on FLAGS documents of the week (every k-th), with decisions, references and responses.
  const every = Math.max(1, Math.floor(DOCS / FLAGS));
  await run(`
    with d as (
      select id, created_at, row_number() over (order by created_at, id) as n from documents
      where created_at >= '${start.toISOString()}' and created_at < '${end.toISOString()}'),
    picked as (select * from d where n % ${every} = 0 order by n limit ${FLAGS}),
    c as (
      insert into claims (document_id, start_offset, end_offset, text, checkworthiness, claim_type, model_id, model_revision, created_at)
      select id, 0, 4, 'claim ' || n, 0.8, 'other', 'detector', '1', created_at from picked
      returning id, document_id, created_at)
    insert into flags (claim_id, document_id, reason, status, score, priority, evidence, models, created_at, decided_at, dismiss_reason)
    select c.id, c.document_id, 'repeats_known_narrative', s.status, 0.7, 0.7, '{}'::jsonb,
      ('[{"id":"matcher","revision":"' || (2 + k % 2) || '"}]')::jsonb, c.created_at,
      case when s.status = 'suggested' then null else c.created_at + make_interval(hours => (k % 60)::int) end,
      case when s.status = 'dismissed' then (array['not_a_claim','not_relevant','claim_is_true'])[1 + k % 3] end
    from (select c.*, row_number() over (order by c.created_at, c.id) as k from c) c,
      lateral (select case when k % 20 < 8 then 'confirmed' when k % 20 < 14 then 'dismissed'
        when k % 20 < 15 then 'escalated' else 'suggested' end as status) s`);
  await run(`
    insert into flag_references (flag_id, reference_kind, reference_id, reference_version, score)
    select id, 'known_narrative', 'n-' || (1 + abs(hashtext(id::text)) % 20), 1, 0.9 from flags
    where abs(hashtext(id::text)) % 2 = 0`);
  await run(`
    with f as (select id, created_at, row_number() over (order by created_at, id) as k from flags where status = 'confirmed'),
    r as (
      insert into responses (template, verdict_label, status, created_at, approved_at, published_at)
      select 'social_reply', 'false', 'published', created_at + interval '2 hours', created_at + interval '20 hours',
        created_at + make_interval(hours => 24 + (k % 72)::int)
      from f where k % 8 = 0
      returning id, created_at)
    insert into response_flags (response_id, flag_id)
    select r.id, f.id from r join f on f.created_at + interval '2 hours' = r.created_at and f.k % 8 = 0`);
  await run(`
    with f as (select document_id, row_number() over (order by document_id) as k from flags),
    cl as (
      insert into document_clusters (representative_document_id) select document_id from f where k % 4 = 0
      returning id, representative_document_id)
    insert into cluster_appearances (cluster_id, document_id, source_id, url, match, similarity)
    select cl.id, d.id, d.source_id, d.url, 'first', 1 from cl join documents d on d.id = cl.representative_document_id`);
  await run(`
    with src as (select array_agg(id order by name) as ids from sources)
    insert into fetches (page_id, source_id, url, outcome, error_code, started_at)
    select null, src.ids[1 + i % ${SOURCES}], 'https://example.test/',
      (array['ok','ok','ok','ok','ok','ok','not_modified','transient','politeness','permanent'])[1 + i % 10],
      case i % 10 when 7 then 'fetch_timeout' when 8 then 'fetch_host_busy' when 9 then 'fetch_blocked_by_robots' end,
      '${start.toISOString()}'::timestamptz + make_interval(secs => i::float8 * ${weekSeconds} / ${DOCS * 1.5})
    from generate_series(1, ${Math.round(DOCS * 1.5)}) i, src`);
  // Shadow mode: unflagged claims on the week's documents, then a shadow score for every claim of the week.
  await run(`
    insert into claims (document_id, start_offset, end_offset, text, checkworthiness, claim_type, model_id, model_revision, created_at)
    select id, 10, 14, 'unflagged', 0.2, 'other', 'detector', '1', created_at from documents
    where created_at >= '${start.toISOString()}' and created_at < '${end.toISOString()}'
    order by created_at, id limit ${SHADOW_CLAIMS}`);
  await run(`
    insert into shadow_scores (claim_id, model_id, model_revision, score, threshold, would_flag, created_at)
    select c.id, 'shadow-bench', 'r1', x.score, 0.5, x.score >= 0.5, c.created_at
    from claims c, lateral (select (abs(hashtext(c.id::text)) % 1000) / 1000.0 as score) x
    where c.created_at >= '${start.toISOString()}' and c.created_at < '${end.toISOString()}'`);
  await run('analyze');
  const seeded = performance.now() - t0;

  const counts = await sql<{ docs: string; flags: string }>`
    select (select count(*) from documents where created_at >= ${start} and created_at < ${end}) as docs,
      (select count(*) from flags where created_at >= ${start} and created_at < ${end}) as flags`.execute(db);
  const settings = { timezone: TZ, slaTriageHours: 24, slaResponseHours: 72 };
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof buildWeeklyDigest>> | undefined;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    last = await buildWeeklyDigest(db, WEEK, settings, new Date('2026-11-23T01:00:00Z'));
    times.push(performance.now() - t);
  }
  const shadowTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await countShadowOutcomes(db, { start, end });
    shadowTimes.push(performance.now() - t);
  }
  const shadowRows = await sql<{ n: string }>`select count(*) as n from shadow_scores`.execute(db);
  const d = last!.data;
  console.log(`seeded in ${(seeded / 1000).toFixed(1)} s`);
  console.log(
    `week ${WEEK}: ${counts.rows[0]!.docs} documents, ${counts.rows[0]!.flags} flags in the week; ${HISTORY} documents of history, ${SOURCES} sources`,
  );
  console.log(
    `digest: crawled ${d.volume.totals.crawled.current}, flagged ${d.volume.totals.flagged.current}, triaged ${d.team.triaged}, ` +
      `p50/p90 triage ${d.team.timeToTriage.p50Hours}/${d.team.timeToTriage.p90Hours} h, ${d.models.length} model×language rows, ` +
      `${d.narratives.references.length} narratives, ${d.coverage.sources.length} sources covered`,
  );
  console.log(
    `shadow: ${shadowRows.rows[0]!.n} shadow scores, ${d.shadow?.length ?? 0} shadow×language rows; its queries warm ` +
      `${(shadowTimes[1]! / 1000).toFixed(2)} s / ${(shadowTimes[2]! / 1000).toFixed(2)} s ` +
      `(${((100 * shadowTimes[2]!) / times[2]!).toFixed(0)}% of the warm build)`,
  );
  console.log(
    `build time: cold ${(times[0]! / 1000).toFixed(2)} s, warm ${(times[1]! / 1000).toFixed(2)} s / ${(times[2]! / 1000).toFixed(2)} s (target ≤ 10 s)`,
  );
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name}`);
  await admin.end();
}
