import { serveIsolatedTasks } from './serve-isolated-tasks.ts';

/** Test fixture for the isolated pool: hangs, allocates without bound, or answers, as asked. */
serveIsolatedTasks(
  ({ mode }: { mode: 'hang' | 'oom' | 'throw' | 'ok' }) => {
    if (mode === 'hang') for (;;);
    if (mode === 'oom') {
      const hog: string[][] = [];
      for (;;) hog.push(new Array(1_000_000).fill('x'));
    }
    if (mode === 'throw') throw new Error('boom');
    return { answer: 'ok' };
  },
  (error) => ({ answer: `error: ${(error as Error).message}` }),
);
