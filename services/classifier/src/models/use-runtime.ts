import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@claimwatch/shared/errors';
import { batchesByLength } from './batches.ts';
import type { InstalledModel } from './manifest.ts';
import type { Embedder } from './transformers-runtime.ts';

/**
 * Universal Sentence Encoder (format `tfjs-use`): a TF.js graph model and its SentencePiece vocabulary, run by
 * @energetic-ai (a bundled TF.js on the wasm backend; its .wasm files sit next to @energetic-ai/core's
 * dist/index.js). Files are read from the model's directory only: never `initModel()` without a source,
 * which downloads from tfhub.
 */

/**
 * The tokenizer's work grows faster than the text (it slices the rest of the text at every position): about
 * 0.4 s for 20,000 characters. Texts are cut here, near where transformers.js models truncate (512 tokens).
 */
export const USE_MAX_CHARS = 2048;

/** What we use of @energetic-ai/core (its own type declarations point at packages it does not install). */
type TfjsCore = { loadGraphModel(url: string): Promise<unknown> };

/**
 * The tokenizer gives no token for "" and the model then returns fewer rows than texts (or fails when no text
 * has a token). A text with nothing in it is embedded as a single space, like any other blank text.
 */
export function prepareUseInput(text: string): string {
  const cut = text.length > USE_MAX_CHARS ? text.slice(0, USE_MAX_CHARS) : text;
  return cut.normalize('NFKC').length === 0 ? ' ' : cut;
}

function unitLength(vector: number[]): Float32Array {
  const out = Float32Array.from(vector);
  let sum = 0;
  for (const v of out) sum += v * v;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let k = 0; k < out.length; k++) out[k]! /= norm;
  return out;
}

/** Loads the model (files already verified by the caller) and embeds in batches, unit-length vectors. */
export async function loadUseEmbedder(m: InstalledModel, batchSize: number): Promise<Embedder> {
  const core = (await import('@energetic-ai/core')) as unknown as TfjsCore;
  const { initModel } = await import('@energetic-ai/embeddings');
  const model = await initModel(async () => ({
    // The file:// handler takes the path as it is (no percent-decoding).
    model: (await core.loadGraphModel(`file://${path.join(m.dir, 'model.json')}`)) as never,
    vocabulary: JSON.parse(await readFile(path.join(m.dir, 'vocab.json'), 'utf8')),
  }));
  return {
    model: { id: m.manifest.id, revision: m.manifest.revision },
    async embed(texts) {
      const out: Float32Array[] = new Array(texts.length);
      for (const batch of batchesByLength(texts, batchSize)) {
        const vectors = await model.embed(batch.map((i) => prepareUseInput(texts[i]!)));
        if (vectors.length !== batch.length)
          throw new AppError(
            'internal',
            `${m.manifest.id}: ${vectors.length} vectors for ${batch.length} texts`,
          );
        for (const [r, i] of batch.entries()) out[i] = unitLength(vectors[r]!);
      }
      return out;
    },
  };
}
