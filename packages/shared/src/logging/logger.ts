import { pino } from 'pino';
import type { LoggingConfig } from '../config/index.ts';

export type Logger = pino.Logger;

/**
 * Paths never written to the logs: article bodies, credentials, session tokens.
 * Code logs ids and counts, not content; this list is the safety net.
 */
export const redactedPaths = [
  'text',
  'html',
  'body',
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'cookie',
  'authorization',
  'secret',
  '*.text',
  '*.html',
  '*.body',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.cookie',
  '*.secret',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

export function createLogger(
  config: LoggingConfig,
  service: string,
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level: config.level,
      base: { service },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
