import { z } from 'zod';
import { nfc } from '../detect/normalise-text.ts';
import type { CheckworthinessScorer } from '../models/active-models.ts';
import { readJsonl, writeJsonl } from './jsonl-files.ts';

export const CheckworthyInput = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  lang: z.string().optional(),
});

export type CheckworthyOutput = { id: string; score: number; label: 'Yes' | 'No' };

/** `claimwatch checkworthy`: `{id,text,lang?}` lines → `{id,score,label}` lines, in input order. */
export async function checkworthyJsonl(
  inFile: string,
  outFile: string,
  scorer: CheckworthinessScorer,
): Promise<{ count: number; yes: number }> {
  const rows = await readJsonl(inFile, CheckworthyInput);
  const scores = await scorer.score(rows.map((r) => nfc(r.text)));
  const out: CheckworthyOutput[] = rows.map((r, i) => ({
    id: r.id,
    score: Number(scores[i]!.toFixed(6)),
    label: scores[i]! >= scorer.threshold ? 'Yes' : 'No',
  }));
  await writeJsonl(outFile, out);
  return { count: out.length, yes: out.filter((o) => o.label === 'Yes').length };
}
