import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { detectDocument } from '../detect/detect-document.ts';
import type { Gazetteer } from '../detect/gazetteer/gazetteer.ts';
import { recencyWeight } from '../flag/priority.ts';
import type { ActiveModels } from '../models/active-models.ts';
import { createVerifyContext, readReferenceFiles } from '../verify/verifier.ts';
import { type FlagProposal, type VerifyContext, verifyClaim } from '../verify/verify-claims.ts';
import { readJsonlLines, writeJsonl } from './jsonl-files.ts';

export const ClassifyInput = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  lang: z.string().nullish(),
  /** When the document was published (ISO 8601): partnership levels are judged as of that date. */
  publishedAt: z.string().nullish(),
});
export type ClassifyInput = z.infer<typeof ClassifyInput>;

export type OfflineFlag = {
  reason: FlagProposal['reason'];
  start: number;
  end: number;
  sentence: string;
  score: number;
  priority: number;
  tier: FlagProposal['tier'];
  references: FlagProposal['references'];
  matches: FlagProposal['evidence']['matches'];
  thresholds: FlagProposal['evidence']['thresholds'];
  calibration: FlagProposal['evidence']['calibration'];
  margin: number | null;
  explanation: FlagProposal['evidence']['explanation'];
  models: FlagProposal['models'];
  status: 'suggested';
};

/** Detection + verification + flagging of one document, without Redis or a database. */
export async function classifyDocument(
  doc: ClassifyInput,
  gazetteer: Gazetteer,
  models: ActiveModels,
  ctx: VerifyContext,
  now = new Date(),
): Promise<{ id: string; lang: string | null; flags: OfflineFlag[] }> {
  const detection = await detectDocument(
    gazetteer,
    { documentId: randomUUID(), text: doc.text, title: doc.title ?? null, declaredLang: doc.lang ?? null },
    models,
  );
  const publishedAt = doc.publishedAt ? new Date(doc.publishedAt) : null;
  const date = publishedAt && !Number.isNaN(publishedAt.getTime()) ? publishedAt : null;
  const flags: OfflineFlag[] = [];
  for (const c of detection.claims) {
    const proposals = await verifyClaim(
      {
        text: c.text,
        start: c.start,
        end: c.end,
        lang: detection.lang,
        entities: c.entities as { id: string; kind: string; start: number }[],
        date,
        checkworthiness: c.checkworthiness,
        model: c.model,
      },
      ctx,
    );
    for (const p of proposals)
      flags.push({
        reason: p.reason,
        start: c.start,
        end: c.end,
        sentence: c.text,
        score: p.score,
        priority: Number((p.score * recencyWeight(date, now)).toFixed(6)),
        tier: p.tier,
        references: p.references,
        matches: p.evidence.matches,
        thresholds: p.evidence.thresholds,
        calibration: p.evidence.calibration,
        margin: p.evidence.margin,
        explanation: p.evidence.explanation,
        models: [...detection.models.filter((m) => !p.models.some((x) => x.id === m.id)), ...p.models],
        status: 'suggested',
      });
  }
  return { id: doc.id, lang: detection.lang, flags };
}

/**
 * `claimwatch classify`: document lines → `{id, lang, flags}` lines, in input order; a line that cannot be
 * read is answered by `{id,error}` in its place.
 */
export async function classifyJsonl(
  inFile: string,
  outFile: string,
  gazetteer: Gazetteer,
  models: ActiveModels,
  ctx: VerifyContext,
): Promise<{ documents: number; flags: number }> {
  const lines = await readJsonlLines(inFile, ClassifyInput);
  const out: (Awaited<ReturnType<typeof classifyDocument>> | { id: string | null; error: string })[] = [];
  for (const line of lines)
    out.push(
      line.ok ? await classifyDocument(line.row, gazetteer, models, ctx) : { id: line.id, error: line.error },
    );
  await writeJsonl(outFile, out);
  return { documents: out.length, flags: out.reduce((n, o) => n + ('flags' in o ? o.flags.length : 0), 0) };
}

export type ClassifyFilesOptions = {
  inFile: string;
  outFile: string;
  models: ActiveModels;
  gazetteer: Gazetteer;
  modelsDir?: string | undefined;
  /** Reference data files (the import layout); default: the starter sets in infra/reference-data. */
  factsFile?: string | undefined;
  narrativesFile?: string | undefined;
};

/** `claimwatch classify` as one call: loads the reference data and the re-ranker, then classifies. */
export async function classifyFiles(o: ClassifyFilesOptions) {
  const { facts, narratives } = readReferenceFiles(o.factsFile, o.narrativesFile);
  const ctx = createVerifyContext(facts, narratives, { gazetteer: o.gazetteer, modelsDir: o.modelsDir });
  const counts = await classifyJsonl(o.inFile, o.outFile, o.gazetteer, o.models, ctx);
  return { ...counts, models: ctx.models };
}
