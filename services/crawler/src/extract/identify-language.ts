import { getLIDModel } from 'fasttext.wasm.js';

/**
 * Language of an extracted text with fastText's lid.176 model (shipped inside the npm package, loaded
 * lazily once per process or worker). The classifier detects it again for its own purposes; the crawler
 * stores it so monitors can filter documents before classification.
 */
type LidModel = Awaited<ReturnType<typeof getLIDModel>>;
let model: Promise<LidModel> | undefined;

function loadModel(): Promise<LidModel> {
  model ??= (async () => {
    const m = await getLIDModel();
    await m.load();
    return m;
  })();
  return model;
}

export type LanguageGuess = { lang: string; score: number };

export async function identifyLanguage(text: string): Promise<LanguageGuess | null> {
  // fastText reads up to the first newline only; a long text is sampled from its start.
  const sample = text.replace(/\s+/g, ' ').slice(0, 3000).trim();
  if (sample.length < 20) return null;
  const result = await (await loadModel()).identify(sample);
  const lang = result.alpha2 ?? result.alpha3;
  return lang ? { lang, score: Math.min(1, result.possibility) } : null;
}
