/**
 * `pnpm eval:verify`: flags on the bundled fictional demo corpus (infra/demo-site/articles), whose front
 * matter lists the planted misleading claims. Runs the product path (`claimwatch classify` on JSON-lines
 * files: detection + verification + flagging with the starter reference data, no Redis or database) and
 * prints precision/recall of flags against the planted claims (right sentence, reason AND reference), and
 * whether any ordinary article was flagged as contradicting a verified fact.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDemoArticles } from '../../../infra/demo-site/load-articles.ts';
import { defaultGazetteer } from '../src/detect/gazetteer/load-gazetteer.ts';
import { evaluateFlags } from '../src/eval/evaluate-flags.ts';
import { classifyJsonl, type OfflineFlag } from '../src/jsonl/classify-jsonl.ts';
import { loadBuiltInActiveModels } from '../src/models/built-in.ts';
import { writeJsonlFile } from '../src/verify/io/jsonl.ts';
import { createVerifyContext, readStarterReferenceData } from '../src/verify/verifier.ts';
import { pathsFromEnv, workDir } from './script-config.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const dir = workDir('verify');
mkdirSync(dir, { recursive: true });
const docsFile = path.join(dir, 'demo-docs.jsonl');
const flagsFile = path.join(dir, 'demo-flags.jsonl');

const articles = loadDemoArticles();
await writeJsonlFile(
  docsFile,
  articles.map((a) => ({
    id: a.slug,
    text: a.paragraphs.join('\n\n'),
    title: a.title,
    lang: a.lang,
    publishedAt: a.published.toISOString(),
  })),
);
const gazetteer = defaultGazetteer();
const { facts, narratives } = readStarterReferenceData();
const ctx = createVerifyContext(facts, narratives, { gazetteer, modelsDir: pathsFromEnv().modelsDir });
const started = performance.now();
const counts = await classifyJsonl(docsFile, flagsFile, gazetteer, await loadBuiltInActiveModels(), ctx);
const seconds = (performance.now() - started) / 1000;

const output = readFileSync(flagsFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; flags: OfflineFlag[] });
const bySlug = new Map(output.map((o) => [o.id, o.flags]));
const result = evaluateFlags(
  articles.map((a) => ({ id: a.slug, planted: a.planted ?? [], flags: bySlug.get(a.slug) ?? [] })),
);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
log(`demo corpus: ${counts.documents} articles, ${counts.flags} flags in ${seconds.toFixed(1)} s`);
log(`models: ${ctx.models.map((m) => `${m.id}@${m.revision}`).join(', ')}`);
log(
  `planted claims: ${result.planted}; reference flags proposed: ${result.proposed}; correct: ${result.truePositives}`,
);
log(`precision ${pct(result.precision)}   recall ${pct(result.recall)}`);
for (const [reason, r] of Object.entries(result.byReason))
  log(`  ${reason}: planted ${r.planted}, proposed ${r.proposed}, correct ${r.truePositives}`);
const unverified = output.reduce(
  (n, o) => n + o.flags.filter((f) => f.reason === 'unverified_checkworthy').length,
  0,
);
log(`unverified_checkworthy suggestions (not judged): ${unverified}`);
log(
  `ordinary articles flagged contradicts_verified_fact: ${result.ordinaryContradicting.length}${result.ordinaryContradicting.length ? ` (${result.ordinaryContradicting.join(', ')})` : ''}`,
);
for (const m of result.missed)
  log(`  MISSED ${m.document} ${m.reason} ${m.ref}: ${m.sentence.slice(0, 100)}`);
for (const w of result.wrong) log(`  WRONG  ${w.document} ${w.reason} ${w.ref}: ${w.sentence.slice(0, 100)}`);
