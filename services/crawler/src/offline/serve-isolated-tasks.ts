import { parentPort } from 'node:worker_threads';

/** Inside a pool worker: answers each posted input with `task(input)`; a thrown error becomes `onError`. */
export function serveIsolatedTasks<In, Out>(
  task: (input: In) => Out | Promise<Out>,
  onError: (error: unknown, input: In) => Out,
): void {
  if (!parentPort) throw new Error('serveIsolatedTasks runs only in a worker thread');
  const port = parentPort;
  port.on('message', async (input: In) => {
    let out: Out;
    try {
      out = await task(input);
    } catch (error) {
      out = onError(error, input);
    }
    port.postMessage(out);
  });
}
