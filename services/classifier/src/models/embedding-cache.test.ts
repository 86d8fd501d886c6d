import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddingCacheFile, withEmbeddingCache } from './embedding-cache.ts';
import type { Embedder } from './transformers-runtime.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cw-embedding-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic 3-d "model" that records every text it was asked to embed. */
function countingEmbedder(revision = '1') {
  const asked: string[] = [];
  const embedder: Embedder = {
    model: { id: 'owner/model', revision },
    async embed(texts) {
      asked.push(...texts);
      return texts.map((t) => Float32Array.of(t.length, t.charCodeAt(0) / 7, 0.125));
    },
  };
  return { embedder, asked };
}

describe('withEmbeddingCache', () => {
  it('embeds each text once, across runs, and returns the vectors the model gave', async () => {
    const cacheDir = path.join(dir, 'runs');
    const first = countingEmbedder();
    const vectors = await withEmbeddingCache(first.embedder, cacheDir).embed(['alpha', 'beta', 'alpha']);
    expect(first.asked).toEqual(['alpha', 'beta']);
    expect(vectors.map((v) => [...v])).toEqual([
      [5, 97 / 7, 0.125].map(Math.fround),
      [4, 98 / 7, 0.125].map(Math.fround),
      [5, 97 / 7, 0.125].map(Math.fround),
    ]);
    // A new process: reads the file, embeds only the new text.
    const second = countingEmbedder();
    const again = await withEmbeddingCache(second.embedder, cacheDir).embed(['beta', 'gamma', 'alpha']);
    expect(second.asked).toEqual(['gamma']);
    expect([...again[0]!]).toEqual([...vectors[1]!]);
    expect([...again[2]!]).toEqual([...vectors[0]!]);
  });

  it('keeps another revision of the model apart', async () => {
    const cacheDir = path.join(dir, 'revisions');
    await withEmbeddingCache(countingEmbedder('1').embedder, cacheDir).embed(['alpha']);
    const other = countingEmbedder('2');
    await withEmbeddingCache(other.embedder, cacheDir).embed(['alpha']);
    expect(other.asked).toEqual(['alpha']);
    expect(embeddingCacheFile(cacheDir, other.embedder.model)).not.toBe(
      embeddingCacheFile(cacheDir, { id: 'owner/model', revision: '1' }),
    );
  });

  it('ignores a damaged file and replaces it', async () => {
    const cacheDir = path.join(dir, 'damaged');
    const first = countingEmbedder();
    await withEmbeddingCache(first.embedder, cacheDir).embed(['alpha', 'beta']);
    const file = embeddingCacheFile(cacheDir, first.embedder.model);
    writeFileSync(file, readFileSync(file).subarray(0, 30));
    const second = countingEmbedder();
    const [vector] = await withEmbeddingCache(second.embedder, cacheDir).embed(['alpha']);
    expect(second.asked).toEqual(['alpha']);
    expect(vector).toHaveLength(3);
    const third = countingEmbedder();
    await withEmbeddingCache(third.embedder, cacheDir).embed(['alpha']);
    expect(third.asked).toEqual([]);
  });
});
