import { Worker } from 'node:worker_threads';

/**
 * Runs one task at a time per worker thread, each bounded in time and memory: a hostile input that
 * hangs the parser or blows up memory costs one worker (terminated and replaced) and one error result,
 * never the process. Results keep no order; callers that need order keep it themselves.
 */
export type IsolatedPool<In, Out> = {
  run(input: In): Promise<Out>;
  close(): Promise<void>;
};

export type IsolatedPoolOptions<Out> = {
  /** Module (file URL) that calls `serveIsolatedTasks` with its task function. */
  entry: URL;
  size: number;
  timeoutMs: number;
  maxOldGenerationMb: number;
  /** The result given when a task times out or its worker dies. */
  onFailure(reason: string): Out;
};

type Slot = { worker: Worker; busy: boolean };
type Pending<In, Out> = { input: In; resolve(out: Out): void };

const bootstrap = new URL('./isolated-worker.mjs', import.meta.url);

export function createIsolatedPool<In, Out>(options: IsolatedPoolOptions<Out>): IsolatedPool<In, Out> {
  const queue: Pending<In, Out>[] = [];
  const slots: Slot[] = [];
  let isClosed = false;

  const spawn = (): Slot => {
    const worker = new Worker(bootstrap, {
      workerData: { entry: options.entry.href },
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationMb },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    // Whatever a library prints inside the worker is dropped: stdout may be the command's output.
    worker.stdout.resume();
    worker.stderr.resume();
    return { worker, busy: false };
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (isClosed || slot.busy || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.busy = true;
      runOn(slot, task);
    }
  };

  const runOn = (slot: Slot, task: Pending<In, Out>) => {
    let isSettled = false;
    const settle = (out: Out, replace: boolean) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      slot.worker.off('message', onMessage);
      slot.worker.off('error', onError);
      slot.worker.off('exit', onExit);
      if (replace) {
        void slot.worker.terminate();
        const index = slots.indexOf(slot);
        if (index >= 0 && !isClosed) slots[index] = spawn();
      } else slot.busy = false;
      task.resolve(out);
      dispatch();
    };
    const onMessage = (out: Out) => settle(out, false);
    const onError = (error: Error) => settle(options.onFailure(`worker crashed: ${error.message}`), true);
    const onExit = (code: number) => settle(options.onFailure(`worker exited with code ${code}`), true);
    const timer = setTimeout(
      () => settle(options.onFailure(`timed out after ${options.timeoutMs} ms`), true),
      options.timeoutMs,
    );
    slot.worker.on('message', onMessage);
    slot.worker.on('error', onError);
    slot.worker.on('exit', onExit);
    slot.worker.postMessage(task.input);
  };

  for (let i = 0; i < options.size; i++) slots.push(spawn());

  return {
    run(input) {
      return new Promise<Out>((resolve) => {
        queue.push({ input, resolve });
        dispatch();
      });
    },
    async close() {
      isClosed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
