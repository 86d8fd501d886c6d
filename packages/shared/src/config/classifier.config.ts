import { z } from 'zod';
import { type Env, envInt, parseEnv } from './env.ts';

export const classifierEnv = z.object({
  CLASSIFIER_CONCURRENCY: envInt(2, 1, 64).describe('Classify jobs run at once per classifier process.'),
});

export type ClassifierConfig = { concurrency: number };

export function loadClassifierConfig(env: Env): ClassifierConfig {
  return { concurrency: parseEnv('classifier', classifierEnv, env).CLASSIFIER_CONCURRENCY };
}
