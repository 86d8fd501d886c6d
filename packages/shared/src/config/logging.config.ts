import { z } from 'zod';
import { type Env, parseEnv } from './env.ts';

export const loggingEnv = z.object({
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Minimum level of the JSON logs written to stdout.'),
});

export type LoggingConfig = { level: z.infer<typeof loggingEnv>['LOG_LEVEL'] };

export function loadLoggingConfig(env: Env): LoggingConfig {
  return { level: parseEnv('logging', loggingEnv, env).LOG_LEVEL };
}
