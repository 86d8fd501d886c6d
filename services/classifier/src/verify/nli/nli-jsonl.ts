import { AppError } from '@claimwatch/shared/errors';
import { z } from 'zod';
import { findModel } from '../../models/registry.ts';
import { loadPairClassifier } from '../../models/transformers-runtime.ts';
import { readJsonlFile, writeJsonlFile } from '../io/jsonl.ts';
import type { NliScores, PairClassifier } from '../verify-claims.ts';
import { LEXICAL_NLI_ID, lexicalNliClassifier, readLexicalNli } from './lexical-nli.ts';

export const NliInput = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  premise: z.string(),
  hypothesis: z.string(),
});

const LABEL_ALIASES: Record<string, keyof NliScores> = {
  entailment: 'entailment',
  entail: 'entailment',
  neutral: 'neutral',
  contradiction: 'contradiction',
  contradict: 'contradiction',
};

/**
 * An installed sequence-classification model (transformers.js; pairs go through the tokenizer with
 * `text_pair`) as an NLI classifier, its labels read from `config.id2label`.
 */
export async function loadTransformersNli(modelsDir: string, id: string): Promise<PairClassifier> {
  const installed = findModel({ modelsDir }, id);
  const classifier = await loadPairClassifier(installed, { modelsDir });
  const names = classifier.labels.map((l) => LABEL_ALIASES[l.toLowerCase()]);
  if (names.some((n) => !n))
    throw new AppError(
      'input_invalid',
      `${id}: labels ${classifier.labels.join(', ')} are not entailment/neutral/contradiction`,
    );
  return {
    model: classifier.model,
    async classify(pairs) {
      const out = await classifier.classify(pairs.map((p) => ({ text: p.premise, pair: p.hypothesis })));
      return out.map((scores) => {
        const s: NliScores = { entailment: 0, neutral: 0, contradiction: 0 };
        classifier.labels.forEach((label, i) => {
          s[names[i]!] = scores[label] ?? 0;
        });
        return s;
      });
    },
  };
}

/** `--model ID` when given; otherwise the project-trained lexical fallback, when `pnpm eval:nli` installed it. */
export async function loadNli(modelsDir: string, id?: string): Promise<PairClassifier> {
  if (id && id !== LEXICAL_NLI_ID) return loadTransformersNli(modelsDir, id);
  const lexical = readLexicalNli(modelsDir);
  if (!lexical)
    throw new AppError(
      'model_missing',
      `No NLI model: pass --model ID of an installed model (claimwatch models import|pull), or train the lexical fallback with \`pnpm eval:nli\``,
    );
  return lexicalNliClassifier(lexical);
}

export const labelOf = (s: NliScores): keyof NliScores =>
  s.contradiction >= s.entailment && s.contradiction >= s.neutral
    ? 'contradiction'
    : s.entailment >= s.neutral
      ? 'entailment'
      : 'neutral';

/** `claimwatch nli`: {id,premise,hypothesis} lines → {id,label,scores} lines, in input order. */
export async function nliJsonl(
  inFile: string,
  outFile: string,
  nli: PairClassifier,
): Promise<{ pairs: number }> {
  const rows = await readJsonlFile(inFile, NliInput);
  const scores = rows.length ? await nli.classify(rows) : [];
  await writeJsonlFile(
    outFile,
    rows.map((r, i) => {
      const s = scores[i]!;
      const rounded = {
        entailment: Number(s.entailment.toFixed(6)),
        neutral: Number(s.neutral.toFixed(6)),
        contradiction: Number(s.contradiction.toFixed(6)),
      };
      return { id: r.id, label: labelOf(s), scores: rounded };
    }),
  );
  return { pairs: rows.length };
}
