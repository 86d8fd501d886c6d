import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/claimwatch.mjs');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type StartedCli = {
  process: ChildProcess;
  uiUrl: string;
  password: string;
  dataDir: string;
  output(): string;
  stop(): Promise<number | null>;
};

/**
 * Runs `claimwatch start` as a newcomer would (embedded database, demo site), in a fresh data directory
 * and on free ports, and waits for it to print the UI URL and the demo login.
 */
export async function runStart(env: Record<string, string> = {}, timeoutMs = 120_000): Promise<StartedCli> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'claimwatch-e2e-'));
  const [uiPort, demoPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [bin, 'start'], {
    env: {
      ...process.env,
      CLAIMWATCH_DATA_DIR: dataDir,
      UI_PORT: String(uiPort),
      DEMO_SITE_PORT: String(demoPort),
      QUEUE_PREFIX: `e2e-${uiPort}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => {
    output += d;
  });
  child.stderr!.on('data', (d) => {
    output += d;
  });
  const started = Date.now();
  while (!/Stop:\s+Ctrl-C/.test(output)) {
    if (child.exitCode !== null) throw new Error(`claimwatch start exited early:\n${output}`);
    if (Date.now() - started > timeoutMs) throw new Error(`claimwatch start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const uiUrl = /Review UI:\s+(\S+)/.exec(output)![1]!;
  const password = /Login:\s+monitor@demo\.claimwatch\s+\/\s+(\S+)/.exec(output)![1]!;
  return {
    process: child,
    uiUrl,
    password,
    dataDir,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGINT');
      }),
  };
}
