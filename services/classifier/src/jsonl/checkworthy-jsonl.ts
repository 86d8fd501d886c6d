import { z } from 'zod';
import { nfc } from '../detect/normalise-text.ts';
import type { CheckworthinessScorer } from '../models/active-models.ts';
import { readJsonlLines, writeJsonl } from './jsonl-files.ts';

export const CheckworthyInput = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  lang: z.string().optional(),
});

export type CheckworthyOutput =
  | { id: string; score: number; label: 'Yes' | 'No' }
  | { id: string | null; error: string };

/**
 * `claimwatch checkworthy`: `{id,text,lang?}` lines → `{id,score,label}` lines, in input order; a line
 * that cannot be read is answered by `{id,error}` in its place.
 */
export async function checkworthyJsonl(
  inFile: string,
  outFile: string,
  scorer: CheckworthinessScorer,
): Promise<{ count: number; yes: number; errors: number }> {
  const lines = await readJsonlLines(inFile, CheckworthyInput);
  const rows = lines.flatMap((l) => (l.ok ? [l.row] : []));
  const scores = await scorer.score(rows.map((r) => nfc(r.text)));
  let next = 0;
  const out: CheckworthyOutput[] = lines.map((line) => {
    if (!line.ok) return { id: line.id, error: line.error };
    const score = scores[next++]!;
    return {
      id: line.row.id,
      score: Number(score.toFixed(6)),
      label: score >= scorer.threshold ? 'Yes' : 'No',
    };
  });
  await writeJsonl(outFile, out);
  return {
    count: out.length,
    yes: out.filter((o) => 'label' in o && o.label === 'Yes').length,
    errors: out.filter((o) => 'error' in o).length,
  };
}
