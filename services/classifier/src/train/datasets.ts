import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClaimType } from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';

/** The project's own labelled sentences (MIT): see data/claims-vi-en/ANNOTATION_GUIDE.md. */
export const CLAIMS_VI_EN_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/claims-vi-en/sentences.jsonl',
);

export type LabelledSentence = {
  id: string;
  lang: 'vi' | 'en';
  text: string;
  relevant: boolean;
  checkworthy: boolean;
  type: ClaimType | null;
  split: 'train' | 'test';
};

/** A sentence with a binary label, the common shape every trainer and evaluator takes. */
export type Example = { id: string; text: string; label: 0 | 1; lang?: string };

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export function readClaimsViEn(file = CLAIMS_VI_EN_FILE): LabelledSentence[] {
  return readJsonl<LabelledSentence>(file);
}

export const checkworthyExamples = (rows: LabelledSentence[]): Example[] =>
  rows.map((r) => ({ id: r.id, text: r.text, label: r.checkworthy ? 1 : 0, lang: r.lang }));

export const CHECKTHAT_DIR = 'checkthat2024-task1-checkworthiness-en';
export type CheckThatSplit = 'train' | 'dev' | 'dev-test';

/**
 * CheckThat! 2024 task 1 (English, research use): read from the shared development data, never copied
 * into the repository.
 */
export function readCheckThat(sharedDataDir: string, split: CheckThatSplit): Example[] {
  const file = path.join(sharedDataDir, CHECKTHAT_DIR, `${split}.jsonl`);
  if (!existsSync(file))
    throw new AppError(
      'input_invalid',
      `${file} not found: set CLAIMWATCH_SHARED_DATA to the folder holding ${CHECKTHAT_DIR}/`,
    );
  return readJsonl<{ id: string; text: string; label: string }>(file).map((r) => ({
    id: r.id,
    text: r.text,
    label: r.label === 'Yes' ? 1 : 0,
    lang: 'en',
  }));
}
