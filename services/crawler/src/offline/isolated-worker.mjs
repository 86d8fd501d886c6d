// Worker-thread entry for the isolated pool: registers tsx (the project runs TypeScript without a build
// step) and then loads the task module named by the pool. Plain JS, because nothing compiles it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
