import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@claimwatch/shared/errors';
import {
  type InstalledModel,
  MANIFEST_FILE,
  modelFilesDir,
  readManifest,
  verifyModelFiles,
} from './manifest.ts';

/**
 * Models committed with the project, so they work on a fresh clone: trained by it (small, MIT data only), or
 * shipped in an npm package it depends on (the manifest names the package; its files stay in node_modules).
 */
export const BUILT_IN_MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models');

/** Where model directories live: `<dir>/<id>/claimwatch-model.json`, id being `name` or `owner/name`. */
export type ModelDirs = { builtInDir?: string; modelsDir: string };

function scan(root: string, isBuiltIn: boolean): InstalledModel[] {
  if (!existsSync(root)) return [];
  const found: InstalledModel[] = [];
  const visit = (dir: string, depth: number) => {
    if (existsSync(path.join(dir, MANIFEST_FILE))) {
      const manifest = readManifest(dir);
      found.push({ manifest, dir: modelFilesDir(dir, manifest), isBuiltIn });
      return;
    }
    if (depth >= 2) return;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const child = path.join(dir, name);
      if (statSync(child).isDirectory()) visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return found;
}

/** Every installed model; an operator's copy in the models directory wins over a built-in of the same id. */
export function listInstalledModels(dirs: ModelDirs): InstalledModel[] {
  const byId = new Map<string, InstalledModel>();
  for (const m of scan(dirs.builtInDir ?? BUILT_IN_MODELS_DIR, true)) byId.set(m.manifest.id, m);
  for (const m of scan(dirs.modelsDir, false)) byId.set(m.manifest.id, m);
  return [...byId.values()].sort((a, b) => a.manifest.id.localeCompare(b.manifest.id));
}

export function findModel(dirs: ModelDirs, id: string): InstalledModel {
  const model = listInstalledModels(dirs).find((m) => m.manifest.id === id);
  if (!model)
    throw new AppError(
      'model_missing',
      `Model ${id} is not installed (looked in ${dirs.modelsDir} and the built-in models). ` +
        'Install it with `claimwatch models pull` or `claimwatch models import`.',
    );
  return model;
}

export type VerifyResult = { id: string; revision: string; ok: boolean; problems: string[] };

/** Re-hashes every file of every installed model (or one) against its manifest. */
export async function verifyInstalledModels(dirs: ModelDirs, id?: string): Promise<VerifyResult[]> {
  const models = id ? [findModel(dirs, id)] : listInstalledModels(dirs);
  const results: VerifyResult[] = [];
  for (const m of models) {
    const problems = (await verifyModelFiles(m.dir, m.manifest))
      .filter((c) => c.status !== 'ok')
      .map((c) => `${c.file} ${c.status}`);
    results.push({ id: m.manifest.id, revision: m.manifest.revision, ok: problems.length === 0, problems });
  }
  return results;
}
