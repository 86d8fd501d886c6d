import { z } from 'zod';

/** The raw environment, as read once at boot by `readProcessEnv`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A zod object whose keys are environment variable names; every field carries a `.describe()`. */
export type EnvSchema = z.ZodObject<Record<string, z.ZodType>>;

export class ConfigError extends Error {
  readonly variables: string[];
  constructor(concern: string, problems: { variable: string; message: string }[]) {
    super(
      `Invalid ${concern} configuration:\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n') +
        '\nSee docs/configuration.md for every variable.',
    );
    this.name = 'ConfigError';
    this.variables = problems.map((p) => p.variable);
  }
}

/** Parses the variables of one concern; a wrong value fails with a message naming the variable. */
export function parseEnv<S extends EnvSchema>(concern: string, schema: S, env: Env): z.infer<S> {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    // An empty string means "unset", as in most .env conventions.
    picked[key] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(picked);
  if (!result.success) {
    throw new ConfigError(
      concern,
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? concern),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

/** Boolean flags accept true/false/1/0/yes/no. */
export const envBoolean = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envInt = (fallback: number, min: number, max: number) =>
  z.coerce.number({ message: 'expected a number' }).int().min(min).max(max).default(fallback);

export const envPort = (fallback: number) => envInt(fallback, 0, 65535);
