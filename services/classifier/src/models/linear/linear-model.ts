import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeFiles, type ModelManifest, writeManifest } from '../manifest.ts';
import { type FeatureSpec, featurize, type SparseVector } from './hashed-features.ts';

/**
 * A logistic model over either hashed n-gram features of the text (`input: "text"`) or a dense
 * sentence embedding from a base model (`input: "embedding"`). Weights are stored sparse: only buckets
 * that received a non-zero weight.
 */
export type LinearModelConfig = {
  input: 'text' | 'embedding';
  features?: FeatureSpec;
  dimension: number;
  bias: number;
};

export type LinearModel = {
  config: LinearModelConfig;
  weights: Float32Array;
};

export const LINEAR_CONFIG_FILE = 'linear.json';
export const LINEAR_WEIGHTS_FILE = 'weights.bin';

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function scoreSparse(model: LinearModel, v: SparseVector): number {
  let z = model.config.bias;
  for (let k = 0; k < v.indices.length; k++) z += (model.weights[v.indices[k]!] ?? 0) * v.values[k]!;
  return sigmoid(z);
}

export function scoreDense(model: LinearModel, embedding: ArrayLike<number>): number {
  let z = model.config.bias;
  for (let i = 0; i < model.config.dimension; i++) z += model.weights[i]! * (embedding[i] ?? 0);
  return sigmoid(z);
}

export function scoreText(model: LinearModel, text: string): number {
  if (model.config.input !== 'text' || !model.config.features)
    throw new Error('this linear model scores embeddings, not text');
  return scoreSparse(model, featurize(text, model.config.features));
}

/** Binary layout: u32 count, then count × (u32 index, f32 weight), little-endian. */
function encodeWeights(weights: ArrayLike<number>): Buffer {
  const entries: [number, number][] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = Math.fround(weights[i]!);
    if (w !== 0) entries.push([i, w]);
  }
  const buffer = Buffer.alloc(4 + entries.length * 8);
  buffer.writeUInt32LE(entries.length, 0);
  entries.forEach(([i, w], k) => {
    buffer.writeUInt32LE(i, 4 + k * 8);
    buffer.writeFloatLE(w, 8 + k * 8);
  });
  return buffer;
}

function decodeWeights(buffer: Buffer, dimension: number): Float32Array {
  const weights = new Float32Array(dimension);
  const count = buffer.readUInt32LE(0);
  if (buffer.byteLength !== 4 + count * 8) throw new Error('weights.bin has the wrong length');
  for (let k = 0; k < count; k++) {
    const index = buffer.readUInt32LE(4 + k * 8);
    if (index >= dimension) throw new Error('weights.bin has an index out of range');
    weights[index] = buffer.readFloatLE(8 + k * 8);
  }
  return weights;
}

export function loadLinearModel(dir: string): LinearModel {
  const config = JSON.parse(readFileSync(path.join(dir, LINEAR_CONFIG_FILE), 'utf8')) as LinearModelConfig;
  return {
    config,
    weights: decodeWeights(readFileSync(path.join(dir, LINEAR_WEIGHTS_FILE)), config.dimension),
  };
}

/**
 * Writes the model and its manifest. The revision is derived from the bytes, so the same training run
 * gives the same revision and any change gives a new one.
 */
export async function saveLinearModel(
  dir: string,
  model: { config: LinearModelConfig; weights: ArrayLike<number> },
  manifest: Omit<ModelManifest, 'files' | 'revision' | 'format'>,
): Promise<ModelManifest> {
  mkdirSync(dir, { recursive: true });
  const configJson = `${JSON.stringify({ ...model.config, bias: Math.fround(model.config.bias) }, null, 2)}\n`;
  const weights = encodeWeights(model.weights);
  writeFileSync(path.join(dir, LINEAR_CONFIG_FILE), configJson);
  writeFileSync(path.join(dir, LINEAR_WEIGHTS_FILE), weights);
  const revision = createHash('sha256').update(configJson).update(weights).digest('hex').slice(0, 12);
  const full: ModelManifest = {
    ...manifest,
    format: 'claimwatch-linear',
    revision,
    files: await describeFiles(dir, [LINEAR_CONFIG_FILE, LINEAR_WEIGHTS_FILE]),
  };
  writeManifest(dir, full);
  return full;
}
