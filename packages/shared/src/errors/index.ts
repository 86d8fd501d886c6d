export { AppError, type ErrorCode, type ErrorKind, errorCodes, isAppError, toAppError } from './app-error.ts';
