import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type AppError, toAppError } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import {
  type QueueName,
  type QueuePayload,
  type QueuesOwnedBy,
  queueCatalog,
  queuesOwnedBy,
  type ServiceName,
} from './catalog.ts';

export type JobContext = {
  jobId: string;
  /** 1 for the first try. */
  attempt: number;
  logger: Logger;
};

export type JobHandler<Q extends QueueName> = (
  payload: QueuePayload<Q>,
  context: JobContext,
) => Promise<void>;

/** Exactly one handler per queue the service owns: a missing or extra key is a compile error. */
export type HandlerMap<S extends ServiceName> = { [Q in QueuesOwnedBy<S>]: JobHandler<Q> };

export type RunningWorkers = {
  workers: Worker[];
  /** Stops taking jobs and waits for the running ones to finish. */
  close(): Promise<void>;
};

export type WorkerOptions = {
  connection: Redis;
  prefix: string;
  logger: Logger;
  concurrency?: Partial<Record<QueueName, number>>;
  /**
   * How long a job's lock lasts without renewal, and how often stalled jobs (their process died) are
   * looked for. BullMQ's defaults (30 s) unless a test needs a crash recovered sooner.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
};

/** What the worker does with a failure, decided by its kind. */
export type FailureOutcome = 'fail_now' | 'delay' | 'retry' | 'retry_and_alert';

export function outcomeFor(error: AppError): FailureOutcome {
  switch (error.kind) {
    case 'permanent':
      return 'fail_now';
    case 'politeness':
      return 'delay';
    case 'transient':
      return 'retry';
    case 'bug':
      return 'retry_and_alert';
    default: {
      const exhaustive: never = error.kind;
      return exhaustive;
    }
  }
}

const DEFAULT_POLITENESS_DELAY_MS = 30_000;

export function startWorkers<S extends ServiceName>(
  service: S,
  handlers: HandlerMap<S>,
  options: WorkerOptions,
): RunningWorkers {
  const owned = queuesOwnedBy(service);
  const handlerMap = handlers as unknown as Record<QueueName, JobHandler<QueueName>>;
  const missing = owned.filter((q) => typeof handlerMap[q] !== 'function');
  if (missing.length > 0) throw new Error(`${service} has no handler for queue(s): ${missing.join(', ')}`);

  const workers = owned.map((name) => {
    const def = queueCatalog[name];
    const handler = handlerMap[name];
    const processor = async (job: Job, token?: string) => {
      const logger = options.logger.child({ queue: def.name, job: job.id, attempt: job.attemptsMade + 1 });
      const parsed = def.payload.safeParse(job.data);
      if (!parsed.success) {
        logger.error({ issues: parsed.error.issues }, 'invalid payload');
        throw new UnrecoverableError(`input_invalid: ${parsed.error.message}`);
      }
      try {
        await handler(parsed.data as QueuePayload<QueueName>, {
          jobId: job.id ?? '',
          attempt: job.attemptsMade + 1,
          logger,
        });
      } catch (thrown) {
        const error = toAppError(thrown);
        const outcome = outcomeFor(error);
        const fields = { code: error.code, kind: error.kind, outcome, err: error.message };
        switch (outcome) {
          case 'fail_now':
            logger.warn(fields, 'job failed permanently');
            throw new UnrecoverableError(`${error.code}: ${error.message}`);
          case 'delay': {
            const delay = error.retryAfterMs ?? DEFAULT_POLITENESS_DELAY_MS;
            logger.info({ ...fields, delayMs: delay }, 'job delayed');
            await job.moveToDelayed(Date.now() + delay, token);
            throw new DelayedError();
          }
          case 'retry':
            logger.warn(fields, 'job failed, will retry');
            throw error;
          case 'retry_and_alert':
            logger.error({ ...fields, stack: error.stack }, 'job failed with an unexpected error');
            throw error;
        }
      }
    };
    const worker = new Worker(def.name, processor, {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency?.[name] ?? def.concurrency,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
      autorun: true,
    });
    worker.on('error', (err) => options.logger.error({ queue: def.name, err: err.message }, 'worker error'));
    return worker;
  });

  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
