/**
 * `pnpm eval:nli`: NLI accuracy per language on XNLI dev (vi, en), read from CLAIMWATCH_SHARED_DATA (default
 * <repo>/../shared/data/xnli-dev-vi-en), never copied into the repository.
 *
 * 1. The project-trained lexical fallback: trained on 80% of the premise groups (fixed hash split), reported
 *    on the other 20% (held out, never seen in training) per language, then installed in the models
 *    directory (research-use data: not committed).
 * 2. With CLASSIFIER_NLI_MODEL=<installed model id>: that transformers.js model on the same held-out pairs,
 *    through the product path (`claimwatch nli` on JSON-lines files).
 * Chance is 33.3% (balanced classes).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeJsonlFile } from '../src/verify/io/jsonl.ts';
import {
  type LexicalNliModel,
  lexicalNliClassifier,
  NLI_LABELS,
  type NliExample,
  type NliLabel,
  trainLexicalNli,
  writeLexicalNli,
} from '../src/verify/nli/lexical-nli.ts';
import { labelOf, loadTransformersNli, nliJsonl } from '../src/verify/nli/nli-jsonl.ts';
import { pathsFromEnv, sharedDataDir, workDir } from './script-config.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const file = path.join(sharedDataDir(), 'xnli-dev-vi-en', 'dev.jsonl');
if (!existsSync(file)) {
  log(`No ${file}: set CLAIMWATCH_SHARED_DATA to the development data folder.`);
  process.exit(1);
}

const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map(
    (l) =>
      JSON.parse(l) as {
        id: string;
        group: number;
        label: NliLabel;
        en: { premise: string; hypothesis: string };
        vi: { premise: string; hypothesis: string };
      },
  );
const heldOut = (group: number) => createHash('sha256').update(`nli-split:${group}`).digest()[0]! % 5 === 0;
const train = rows.filter((r) => !heldOut(r.group));
const test = rows.filter((r) => heldOut(r.group));
const langs = ['vi', 'en'] as const;
const examples = (set: typeof rows, lang: 'vi' | 'en'): NliExample[] =>
  set.map((r) => ({ premise: r[lang].premise, hypothesis: r[lang].hypothesis, label: r.label }));
log(
  `XNLI dev (development half): ${rows.length} pairs per language; train ${train.length}, held out ${test.length} (by premise group)`,
);

const trainingSet = [...examples(train, 'vi'), ...examples(train, 'en')];
const revision = createHash('sha256')
  .update(JSON.stringify(trainingSet.length) + train.map((r) => r.id).join(','))
  .digest('hex')
  .slice(0, 12);
const model: LexicalNliModel = trainLexicalNli(trainingSet, { revision });
const lexical = lexicalNliClassifier(model);
const accuracy = async (classify: typeof lexical.classify, ex: NliExample[]) => {
  const scores = await classify(ex);
  const correct = scores.filter((s, i) => labelOf(s) === ex[i]!.label).length;
  const perLabel = NLI_LABELS.map((l) => {
    const idx = ex.map((e, i) => (e.label === l ? i : -1)).filter((i) => i >= 0);
    return `${l} ${((100 * idx.filter((i) => labelOf(scores[i]!) === l).length) / Math.max(1, idx.length)).toFixed(0)}%`;
  });
  return `${((100 * correct) / ex.length).toFixed(1)}% (n=${ex.length}; recall ${perLabel.join(', ')})`;
};
for (const lang of langs) {
  log(`lexical fallback ${lang}: train ${await accuracy(lexical.classify, examples(train, lang))}`);
  log(`lexical fallback ${lang}: HELD-OUT ${await accuracy(lexical.classify, examples(test, lang))}`);
}
const cross = test.map((r) => ({ premise: r.en.premise, hypothesis: r.vi.hypothesis, label: r.label }));
log(`lexical fallback en premise + vi hypothesis: HELD-OUT ${await accuracy(lexical.classify, cross)}`);
const { modelsDir } = pathsFromEnv();
log(`installed ${writeLexicalNli(modelsDir, model)} (${model.id}@${model.revision})`);

const nliModel = process.env.CLASSIFIER_NLI_MODEL;
if (nliModel) {
  const dir = workDir('nli');
  mkdirSync(dir, { recursive: true });
  const nli = await loadTransformersNli(modelsDir, nliModel);
  for (const lang of langs) {
    const ex = examples(test, lang);
    const inFile = path.join(dir, `held-out-${lang}.jsonl`);
    const outFile = path.join(dir, `held-out-${lang}.out.jsonl`);
    await writeJsonlFile(
      inFile,
      ex.map((e, i) => ({ id: i, premise: e.premise, hypothesis: e.hypothesis })),
    );
    await nliJsonl(inFile, outFile, nli);
    const out = readFileSync(outFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { label: string });
    const correct = out.filter((o, i) => o.label === ex[i]!.label).length;
    log(`${nliModel} ${lang}: HELD-OUT ${((100 * correct) / ex.length).toFixed(1)}% (n=${ex.length})`);
  }
} else log('No transformer NLI model configured (CLASSIFIER_NLI_MODEL): none is installed on this machine.');
