import { type Config, type Env, loadConfig } from '@claimwatch/shared/config';

/** What every command receives: the environment read once at boot, and output channels. */
export type CliContext = {
  env: Env;
  config(): Config;
  out(line: string): void;
  err(line: string): void;
};

export function createCliContext(env: Env): CliContext {
  let config: Config | undefined;
  return {
    env,
    config: () => {
      config ??= loadConfig(env);
      return config;
    },
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}
