import { AppError } from '@claimwatch/shared/errors';
import { describe, expect, it } from 'vitest';
import { toApiError } from './api-error.ts';

describe('toApiError', () => {
  it('maps request-level codes to their statuses with the message', () => {
    expect(toApiError(new AppError('not_found', 'Flag x does not exist'))).toEqual({
      status: 404,
      body: { code: 'not_found', message: 'Flag x does not exist' },
      isBug: false,
    });
    expect(toApiError(new AppError('unauthenticated', 'Sign in first')).status).toBe(401);
    expect(toApiError(new AppError('forbidden', 'No')).status).toBe(403);
    expect(toApiError(new AppError('conflict', 'Exists')).status).toBe(409);
    expect(toApiError(new AppError('input_invalid', 'Bad')).body.code).toBe('validation_failed');
  });

  it('answers anything else as a 500 internal error without leaking its message', () => {
    for (const error of [
      new Error('connection to 10.0.0.5 refused'),
      new AppError('fetch_network', 'ECONNRESET at db-host'),
      'thrown string',
    ]) {
      const mapped = toApiError(error);
      expect(mapped).toEqual({
        status: 500,
        body: { code: 'internal', message: 'Internal error' },
        isBug: true,
      });
    }
  });
});
