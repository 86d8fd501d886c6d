import { afterAll, describe, expect, it } from 'vitest';
import { createIsolatedPool } from './isolated-pool.ts';

describe('createIsolatedPool', () => {
  const pool = createIsolatedPool<{ mode: string }, { answer: string }>({
    entry: new URL('./spin.fixture-worker.ts', import.meta.url),
    size: 1,
    timeoutMs: 3000,
    maxOldGenerationMb: 64,
    onFailure: (reason) => ({ answer: `failed: ${reason}` }),
  });
  afterAll(() => pool.close());

  it('turns a hang, a memory blow-up and a throw into results, and keeps serving', async () => {
    expect(await pool.run({ mode: 'ok' })).toEqual({ answer: 'ok' });
    expect((await pool.run({ mode: 'hang' })).answer).toMatch(/^failed: timed out/);
    expect((await pool.run({ mode: 'oom' })).answer).toMatch(/^failed: worker/);
    expect(await pool.run({ mode: 'throw' })).toEqual({ answer: 'error: boom' });
    expect(await pool.run({ mode: 'ok' })).toEqual({ answer: 'ok' });
  }, 30_000);
});
