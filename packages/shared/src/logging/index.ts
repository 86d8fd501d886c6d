export { createLogger, type Logger, redactedPaths } from './logger.ts';
