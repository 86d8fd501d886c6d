import type { ClassifierConfig } from '@claimwatch/shared/config';
import type { Db } from '@claimwatch/shared/db';
import type { Logger } from '@claimwatch/shared/logging';
import { type HandlerMap, type Queues, startWorkers } from '@claimwatch/shared/queues';
import type { Redis } from 'ioredis';
import { handleClassify } from './detect/classify.worker.ts';
import { defaultGazetteer } from './detect/gazetteer/load-gazetteer.ts';
import { sweepUnclassified } from './sweep/sweep-unclassified.ts';
import { handleVerify } from './verify/verify.worker.ts';

export type ClassifierDeps = {
  db: Db;
  redis: Redis;
  queues: Queues;
  prefix: string;
  config: ClassifierConfig;
  logger: Logger;
  sweepEveryMs?: number;
  sweepGraceMs?: number;
};

export function startClassifier(deps: ClassifierDeps): { close(): Promise<void> } {
  const logger = deps.logger.child({ service: 'classifier' });
  const gazetteer = defaultGazetteer();
  const handlers: HandlerMap<'classifier'> = {
    classify: handleClassify({ db: deps.db, queues: deps.queues, gazetteer }),
    verify: handleVerify({ db: deps.db }),
  };
  const workers = startWorkers('classifier', handlers, {
    connection: deps.redis,
    prefix: deps.prefix,
    logger,
    concurrency: { classify: deps.config.concurrency },
  });
  const timer = setInterval(() => {
    sweepUnclassified(deps, deps.sweepGraceMs ?? 10 * 60_000).catch((error) =>
      logger.error({ err: String(error) }, 'sweep failed'),
    );
  }, deps.sweepEveryMs ?? 60_000);
  return {
    async close() {
      clearInterval(timer);
      await workers.close();
    },
  };
}
