import { z } from 'zod';
import { type Env, envPort, parseEnv } from './env.ts';

export const demoEnv = z.object({
  DEMO_SITE_PORT: envPort(8788).describe(
    'Port of the bundled fictional demo news site served by `claimwatch start`.',
  ),
});

export type DemoConfig = { sitePort: number };

export function loadDemoConfig(env: Env): DemoConfig {
  return { sitePort: parseEnv('demo', demoEnv, env).DEMO_SITE_PORT };
}
