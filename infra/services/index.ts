import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const scriptsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'scripts');

export type ServiceName = 'redis' | 'postgres' | 'chromium';

export type ServiceStatus = { service: ServiceName; isReady: boolean; detail: string };

/** Starts (and if needed installs) a local service through its infra script; idempotent. */
export async function ensureService(service: ServiceName, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stderr } = await run(path.join(scriptsDir, `${service}.sh`), ['ensure'], {
      env,
      timeout: 600_000,
    });
    return stderr.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(stderr || (error instanceof Error ? error.message : String(error)));
  }
}

export async function serviceStatus(service: ServiceName, env: NodeJS.ProcessEnv): Promise<ServiceStatus> {
  try {
    const { stdout } = await run(path.join(scriptsDir, `${service}.sh`), ['status'], {
      env,
      timeout: 30_000,
    });
    return { service, isReady: true, detail: stdout.trim() };
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout?.trim();
    return {
      service,
      isReady: false,
      detail: stdout || (error instanceof Error ? error.message : String(error)),
    };
  }
}
