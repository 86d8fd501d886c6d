import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Embedder } from './transformers-runtime.ts';

/**
 * Vectors one embedding model already computed, kept on disk by text hash, so that matching the same
 * references again (`claimwatch match` over 10k fact-checks: minutes of embedding) only embeds what changed.
 * One file per model id@revision: another revision never reads this one's vectors.
 *
 * File: "CWEMB1\n", the width as uint32 LE, then per text 16 bytes of its SHA-256 and `width` float32 LE.
 * Written whole to a temporary file and renamed, so a crash never leaves half a file; a file that does not
 * parse is ignored (and replaced on the next save).
 */
const MAGIC = Buffer.from('CWEMB1\n');
const KEY_BYTES = 16;

export const embeddingCacheFile = (dir: string, model: Embedder['model']) =>
  path.join(dir, `${model.id.replace(/\//g, '__')}@${model.revision}.f32`);

const keyOf = (text: string) =>
  createHash('sha256').update(text).digest().subarray(0, KEY_BYTES).toString('hex');

function readCache(file: string): Map<string, Float32Array> {
  const vectors = new Map<string, Float32Array>();
  if (!existsSync(file)) return vectors;
  const data = readFileSync(file);
  const header = MAGIC.length + 4;
  if (data.length < header || !data.subarray(0, MAGIC.length).equals(MAGIC)) return vectors;
  const width = data.readUInt32LE(MAGIC.length);
  const record = KEY_BYTES + 4 * width;
  if (width === 0 || (data.length - header) % record !== 0) return vectors;
  for (let at = header; at < data.length; at += record) {
    const values = new Float32Array(width);
    for (let j = 0; j < width; j++) values[j] = data.readFloatLE(at + KEY_BYTES + 4 * j);
    vectors.set(data.subarray(at, at + KEY_BYTES).toString('hex'), values);
  }
  return vectors;
}

function writeCache(file: string, vectors: ReadonlyMap<string, Float32Array>): void {
  const width = vectors.values().next().value?.length ?? 0;
  const record = KEY_BYTES + 4 * width;
  const data = Buffer.alloc(MAGIC.length + 4 + vectors.size * record);
  MAGIC.copy(data);
  data.writeUInt32LE(width, MAGIC.length);
  let at = MAGIC.length + 4;
  for (const [key, values] of vectors) {
    Buffer.from(key, 'hex').copy(data, at);
    for (let j = 0; j < width; j++) data.writeFloatLE(values[j]!, at + KEY_BYTES + 4 * j);
    at += record;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/** The same embedder, reading and writing `dir`'s cache file for its model. */
export function withEmbeddingCache(embedder: Embedder, dir: string): Embedder {
  const file = embeddingCacheFile(dir, embedder.model);
  let vectors: Map<string, Float32Array> | undefined;
  return {
    model: embedder.model,
    async embed(texts) {
      vectors ??= readCache(file);
      const keys = texts.map(keyOf);
      const todo: number[] = [];
      const queued = new Set<string>();
      for (const [i, key] of keys.entries()) {
        if (vectors.has(key) || queued.has(key)) continue;
        queued.add(key);
        todo.push(i);
      }
      if (todo.length > 0) {
        const computed = await embedder.embed(todo.map((i) => texts[i]!));
        for (const [n, i] of todo.entries()) vectors.set(keys[i]!, computed[n]!);
        writeCache(file, vectors);
      }
      return keys.map((k) => vectors!.get(k)!);
    },
  };
}
