import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '@claimwatch/shared/errors';
import {
  describeFiles,
  type InstalledModel,
  MANIFEST_FILE,
  type ModelManifest,
  type ModelTask,
  readManifest,
  verifyModelFiles,
  writeManifest,
} from './manifest.ts';

/** Files transformers.js needs besides the weights; anything else in a hub repository is skipped. */
const SUPPORT_FILES =
  /^(config\.json|tokenizer\.json|tokenizer_config\.json|special_tokens_map\.json|generation_config\.json|preprocessor_config\.json)$/;

const weightsFor = (dtype: 'q8' | 'fp32') =>
  dtype === 'q8' ? /^onnx\/model_quantized\.onnx(_data(_\d+)?)?$/ : /^onnx\/model\.onnx(_data(_\d+)?)?$/;

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listFiles(root, full);
    return [path.relative(root, full).split(path.sep).join('/')];
  });
}

function inferTask(dir: string): ModelTask {
  const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as {
    architectures?: string[];
  };
  return config.architectures?.some((a) => a.endsWith('ForSequenceClassification'))
    ? 'text-classification'
    : 'feature-extraction';
}

/** Moves a fully checked temporary directory into place, replacing an older install of the same id. */
function moveIntoPlace(staged: string, modelsDir: string, id: string): string {
  const target = path.join(modelsDir, id);
  mkdirSync(path.dirname(target), { recursive: true });
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(staged, target);
  rmSync(old, { recursive: true, force: true });
  return target;
}

export type ImportOptions = { modelsDir: string; id?: string; task?: ModelTask; dtype?: 'q8' | 'fp32' };

/**
 * Installs a model from a directory or a .tar/.tar.gz/.tgz archive. A directory that already has a
 * ClaimWatch manifest is checked against it (a corrupted copy is refused); otherwise it must be in the
 * transformers.js layout, and a manifest is written with the hashes of the files copied.
 */
export async function importModel(source: string, options: ImportOptions): Promise<InstalledModel> {
  mkdirSync(options.modelsDir, { recursive: true });
  const staging = mkdtempSync(path.join(options.modelsDir, '.import-'));
  try {
    let dir = source;
    if (statSync(source).isFile()) {
      await promisify(execFile)('tar', ['-xf', source, '-C', staging]);
      const entries = readdirSync(staging);
      dir =
        entries.length === 1 && statSync(path.join(staging, entries[0]!)).isDirectory()
          ? path.join(staging, entries[0]!)
          : staging;
    }
    const staged = path.join(staging, '.model');
    if (existsSync(path.join(dir, MANIFEST_FILE))) {
      const manifest = readManifest(dir);
      const bad = (await verifyModelFiles(dir, manifest)).filter((c) => c.status !== 'ok');
      if (bad.length > 0)
        throw new AppError(
          'model_corrupt',
          `refusing ${manifest.id}: ${bad.map((c) => `${c.file} ${c.status}`).join(', ')}`,
        );
      mkdirSync(staged);
      for (const file of [...Object.keys(manifest.files), MANIFEST_FILE]) {
        mkdirSync(path.dirname(path.join(staged, file)), { recursive: true });
        cpSync(path.join(dir, file), path.join(staged, file));
      }
      return { manifest, dir: moveIntoPlace(staged, options.modelsDir, manifest.id), isBuiltIn: false };
    }
    if (!existsSync(path.join(dir, 'config.json')))
      throw new AppError(
        'input_invalid',
        `${source} has neither ${MANIFEST_FILE} nor a transformers.js config.json`,
      );
    const id = options.id ?? path.basename(path.resolve(source)).replace(/\.(tar(\.gz)?|tgz)$/, '');
    const all = listFiles(dir);
    const hasQuantized = all.includes('onnx/model_quantized.onnx');
    const dtype = options.dtype ?? (hasQuantized ? 'q8' : 'fp32');
    const files = all.filter((f) => SUPPORT_FILES.test(f) || weightsFor(dtype).test(f));
    if (!files.some((f) => f.startsWith('onnx/')))
      throw new AppError('input_invalid', `${source} has no ONNX weights for dtype ${dtype}`);
    mkdirSync(staged);
    for (const file of files) {
      mkdirSync(path.dirname(path.join(staged, file)), { recursive: true });
      cpSync(path.join(dir, file), path.join(staged, file));
    }
    const manifest: ModelManifest = {
      id,
      revision: createHash('sha256')
        .update(JSON.stringify(await describeFiles(staged, files)))
        .digest('hex')
        .slice(0, 12),
      task: options.task ?? inferTask(staged),
      format: 'transformers.js',
      languages: [],
      files: await describeFiles(staged, files),
      thresholds: {},
      dtype,
      source: `imported from ${path.basename(source)}`,
    };
    writeManifest(staged, manifest);
    return { manifest, dir: moveIntoPlace(staged, options.modelsDir, id), isBuiltIn: false };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export type PullOptions = {
  modelsDir: string;
  hubUrl: string;
  token?: string;
  revision?: string;
  dtype?: 'q8' | 'fp32';
  task?: ModelTask;
  fetch?: typeof fetch;
};

type TreeEntry = {
  type: string;
  path: string;
  size: number;
  oid: string;
  lfs?: { oid: string; size: number };
};

/** Git's object id of a file: the hub lists it for files not stored in LFS. */
const gitBlobSha1 = (bytes: Buffer) =>
  createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');

/**
 * Downloads a model from a Hugging Face–compatible host (operators with internet access; never at run
 * time): resolves the revision to a commit, lists the files with their hashes, downloads what
 * transformers.js needs, checks every file against the listing (SHA-256 for LFS files, git blob SHA-1
 * otherwise) and installs only when all match.
 */
export async function pullModel(id: string, options: PullOptions): Promise<InstalledModel> {
  const get = options.fetch ?? fetch;
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const hub = options.hubUrl.replace(/\/+$/, '');
  const request = async (url: string) => {
    const response = await get(url, { headers, redirect: 'follow' });
    if (!response.ok) throw new AppError('model_missing', `${url}: HTTP ${response.status}`);
    return response;
  };
  const info = (await (
    await request(`${hub}/api/models/${id}/revision/${options.revision ?? 'main'}`)
  ).json()) as {
    sha?: string;
  };
  if (!info.sha || !/^[0-9a-f]{40}$/.test(info.sha))
    throw new AppError(
      'model_missing',
      `${id}: the hub did not resolve revision ${options.revision ?? 'main'}`,
    );
  const tree = (await (
    await request(`${hub}/api/models/${id}/tree/${info.sha}?recursive=true`)
  ).json()) as TreeEntry[];
  const dtype = options.dtype ?? 'q8';
  const wanted = tree.filter(
    (e) => e.type === 'file' && (SUPPORT_FILES.test(e.path) || weightsFor(dtype).test(e.path)),
  );
  if (!wanted.some((e) => e.path.startsWith('onnx/')))
    throw new AppError('model_missing', `${id}@${info.sha} has no ONNX weights for dtype ${dtype}`);

  mkdirSync(options.modelsDir, { recursive: true });
  const staging = mkdtempSync(path.join(options.modelsDir, '.pull-'));
  try {
    const staged = path.join(staging, '.model');
    for (const entry of wanted) {
      const bytes = Buffer.from(
        await (await request(`${hub}/${id}/resolve/${info.sha}/${entry.path}`)).arrayBuffer(),
      );
      const ok = entry.lfs
        ? createHash('sha256').update(bytes).digest('hex') === entry.lfs.oid &&
          bytes.byteLength === entry.lfs.size
        : gitBlobSha1(bytes) === entry.oid;
      if (!ok)
        throw new AppError(
          'model_corrupt',
          `${id}@${info.sha}: ${entry.path} does not match the hub's hash; nothing installed`,
        );
      mkdirSync(path.dirname(path.join(staged, entry.path)), { recursive: true });
      writeFileSync(path.join(staged, entry.path), bytes);
    }
    const files = wanted.map((e) => e.path);
    const manifest: ModelManifest = {
      id,
      revision: info.sha,
      task: options.task ?? inferTask(staged),
      format: 'transformers.js',
      languages: [],
      files: await describeFiles(staged, files),
      thresholds: {},
      dtype,
      source: `${hub}/${id}`,
    };
    writeManifest(staged, manifest);
    return { manifest, dir: moveIntoPlace(staged, options.modelsDir, id), isBuiltIn: false };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
