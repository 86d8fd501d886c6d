import { z } from 'zod';
import { type Env, envBoolean, envPort, parseEnv } from './env.ts';

export const reviewUiEnv = z.object({
  UI_HOST: z.string().default('127.0.0.1').describe('Address the review UI listens on.'),
  UI_PORT: envPort(8787).describe('Port of the review UI and its JSON API.'),
  UI_PUBLIC_URL: z
    .url({ message: 'expected a URL' })
    .optional()
    .describe('URL users reach the UI at (links in e-mails). Default: http://<UI_HOST>:<UI_PORT>'),
  UI_COOKIE_SECURE: envBoolean(false).describe(
    'Mark session cookies Secure (set true behind HTTPS; false only for plain-HTTP loopback use).',
  ),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'Secret for signing cookies. Unset: generated once and kept in <data dir>/secrets/session-secret (never in the repo).',
    ),
});

export type ReviewUiConfig = {
  host: string;
  port: number;
  publicUrl: string;
  cookieSecure: boolean;
  sessionSecret: string | undefined;
};

export function loadReviewUiConfig(env: Env): ReviewUiConfig {
  const v = parseEnv('review UI', reviewUiEnv, env);
  return {
    host: v.UI_HOST,
    port: v.UI_PORT,
    publicUrl: v.UI_PUBLIC_URL ?? `http://${v.UI_HOST}:${v.UI_PORT}`,
    cookieSecure: v.UI_COOKIE_SECURE,
    sessionSecret: v.SESSION_SECRET,
  };
}
