import { getLIDModel } from 'fasttext.wasm.js';
import { unaccentedVietnamese } from './vietnamese-orthography.ts';

export type LanguageGuess = {
  lang: string;
  score: number;
  /** `fasttext`, or `orthography` when the Vietnamese syllable check overrode it (no tone marks). */
  method: 'fasttext' | 'orthography' | 'empty';
};

export const LANGUAGE_MODEL = {
  id: 'fasttext-lid.176.ftz',
  revision: 'fasttext.wasm.js-1.0.0+vi-orthography-1',
};

type LidModel = Awaited<ReturnType<typeof getLIDModel>>;
let model: Promise<LidModel> | undefined;

/** One lazily loaded fastText model per process. */
function loadModel(): Promise<LidModel> {
  model ??= (async () => {
    const m = await getLIDModel();
    await m.load();
    return m;
  })();
  return model;
}

/**
 * fastText reads up to the first newline only, so newlines become spaces; long texts are cut. Vietnamese
 * typed without tone marks is recognised by its syllable shapes first (fastText misses most of it).
 */
export async function identifyLanguage(text: string): Promise<LanguageGuess> {
  const sample = text.replace(/\s+/g, ' ').slice(0, 2000).trim();
  if (!sample) return { lang: 'und', score: 0, method: 'empty' };
  const orthography = unaccentedVietnamese(sample);
  if (orthography.isVietnamese)
    return { lang: 'vi', score: orthography.syllableShare, method: 'orthography' };
  const result = await (await loadModel()).identify(sample);
  return {
    lang: result.alpha2 ?? result.alpha3,
    score: Math.min(1, result.possibility),
    method: 'fasttext',
  };
}
