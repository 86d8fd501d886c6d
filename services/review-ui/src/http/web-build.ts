import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@claimwatch/shared/logging';

const serviceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDomain = path.resolve(serviceRoot, '../../packages/shared/src/domain');

/** Where the browser bundle goes (gitignored); the server serves it. */
export const defaultWebDist = path.join(serviceRoot, 'web-dist');
const webSrc = path.join(serviceRoot, 'src/web');

/** Written into the bundle: the hash of the sources it was built from. Dotfiles are never served. */
const STAMP = '.inputs-sha256';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Everything the bundle depends on: the UI sources, the runtime imports from shared, this build recipe. */
export function hashWebInputs(): string {
  const files = [
    ...listFiles(webSrc),
    ...listFiles(sharedDomain),
    path.join(serviceRoot, 'src/review/flag.schemas.ts'),
    path.join(serviceRoot, 'package.json'),
    fileURLToPath(import.meta.url),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(serviceRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function isWebUiFresh(outDir: string = defaultWebDist): boolean {
  const stamp = path.join(outDir, STAMP);
  return (
    existsSync(path.join(outDir, 'index.html')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === hashWebInputs()
  );
}

function swapIn(staging: string, outDir: string): void {
  const retired = `${outDir}.old-${process.pid}-${Date.now()}`;
  try {
    if (existsSync(outDir)) renameSync(outDir, retired);
    renameSync(staging, outDir);
  } catch (error) {
    // Another process swapped in its bundle between our two renames; theirs will do if it is current.
    if (!isWebUiFresh(outDir)) throw error;
  } finally {
    rmSync(retired, { recursive: true, force: true });
  }
}

/**
 * Builds the browser bundle with Vite's API into `outDir`. It builds into a sibling folder and swaps it
 * in, so a running server or a concurrent build never sees a half-written bundle.
 */
export async function buildWebUi(options: { outDir?: string; logger?: Logger } = {}): Promise<string> {
  const outDir = path.resolve(options.outDir ?? defaultWebDist);
  const inputs = hashWebInputs();
  const staging = `${outDir}.building-${process.pid}-${Date.now()}`;
  const started = Date.now();
  // Vite is needed only to build; loading it lazily keeps it out of a server that finds a fresh bundle.
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  try {
    await build({
      configFile: false,
      envDir: false,
      publicDir: false,
      root: webSrc,
      base: '/',
      mode: 'production',
      logLevel: 'warn',
      clearScreen: false,
      plugins: [react()],
      // Always a production bundle, even when the caller runs with NODE_ENV=test or development (Vite
      // would then emit development JSX calls against production React): both switches, consistently.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      oxc: { jsx: { development: false } },
      build: {
        outDir: staging,
        emptyOutDir: true,
        sourcemap: false,
        target: 'es2022',
        reportCompressedSize: false,
      },
    });
    writeFileSync(path.join(staging, STAMP), inputs);
    swapIn(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  options.logger?.info({ outDir, ms: Date.now() - started }, 'web UI built');
  return outDir;
}

/** The bundle directory, built first when it is missing or was built from other sources. */
export async function ensureWebUi(options: { outDir?: string; logger?: Logger } = {}): Promise<string> {
  const outDir = path.resolve(options.outDir ?? defaultWebDist);
  if (isWebUiFresh(outDir)) return outDir;
  return buildWebUi({ ...options, outDir });
}
