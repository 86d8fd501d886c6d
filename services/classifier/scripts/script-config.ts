import path from 'node:path';
import { loadConfig, readProcessEnv, repoRoot } from '@claimwatch/shared/config';

const env = readProcessEnv();

/** Third-party development data: CLAIMWATCH_SHARED_DATA, default <repo>/../shared/data. */
export function sharedDataDir(): string {
  return path.resolve(env.CLAIMWATCH_SHARED_DATA ?? path.join(repoRoot, '..', 'shared', 'data'));
}

export function pathsFromEnv() {
  return loadConfig(env).paths;
}

/** Scratch files of evaluation scripts, under the data directory (git-ignored). */
export function workDir(name: string): string {
  return path.join(pathsFromEnv().dataDir, 'eval', name);
}
