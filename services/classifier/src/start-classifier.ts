import type { ClassifierConfig } from '@claimwatch/shared/config';
import type { Db } from '@claimwatch/shared/db';
import type { Logger } from '@claimwatch/shared/logging';
import { type HandlerMap, type Queues, startWorkers } from '@claimwatch/shared/queues';
import type { Redis } from 'ioredis';
import { handleClassify } from './detect/classify.worker.ts';
import type { Gazetteer } from './detect/gazetteer/gazetteer.ts';
import { defaultGazetteer } from './detect/gazetteer/load-gazetteer.ts';
import { createReferenceCache } from './flag/propose-document-flags.ts';
import { createModelState, type ModelState } from './models/model-state.ts';
import { createShadowModelState, type ShadowModelState } from './models/shadow-model.ts';
import { sweepOutdatedClassifications, sweepUnclassified } from './sweep/sweep-unclassified.ts';
import { loadNli } from './verify/nli/nli-jsonl.ts';
import { reevaluateReferenceChanges } from './verify/reevaluate.ts';
import { handleVerify } from './verify/verify.worker.ts';

export type ClassifierDeps = {
  db: Db;
  redis: Redis;
  queues: Queues;
  prefix: string;
  config: ClassifierConfig;
  logger: Logger;
  /** Operator models directory (config `paths.modelsDir`); built-in models are always available. */
  modelsDir?: string;
  /** Tests pass a small gazetteer; default: the bundled data files. */
  gazetteer?: Gazetteer;
  sweepEveryMs?: number;
  sweepGraceMs?: number;
};

export type RunningClassifier = {
  /** Queues verification again for documents behind edited facts/narratives (the sweep does it too). */
  reevaluateReferences(): Promise<number>;
  /** Re-reads the active models now (the sweep does it periodically); true when they changed. */
  refreshModels(): Promise<boolean>;
  models: ModelState;
  shadow: ShadowModelState;
  close(): Promise<void>;
};

export function startClassifier(deps: ClassifierDeps): RunningClassifier {
  const logger = deps.logger.child({ service: 'classifier' });
  const gazetteer = deps.gazetteer ?? defaultGazetteer();
  const models = createModelState(deps.config, { modelsDir: deps.modelsDir ?? '' });
  const shadow = createShadowModelState(deps.config, { modelsDir: deps.modelsDir ?? '' }, logger);
  const handlers: HandlerMap<'classifier'> = {
    classify: handleClassify({ db: deps.db, queues: deps.queues, gazetteer, models, shadow }),
    verify: handleVerify({
      db: deps.db,
      references: createReferenceCache({
        gazetteer,
        modelsDir: deps.modelsDir,
        loadNli: deps.config.nliModel ? () => loadNli(deps.modelsDir ?? '', deps.config.nliModel) : undefined,
      }),
    }),
  };
  const workers = startWorkers('classifier', handlers, {
    connection: deps.redis,
    prefix: deps.prefix,
    logger,
    concurrency: { classify: deps.config.concurrency },
  });
  const refreshModels = async () => {
    // The shadow model never re-classifies anything: documents classified from now on get its scores.
    if (await shadow.refresh()) logger.info('shadow model changed');
    const changed = await models.refresh();
    const active = await models.current();
    if (changed) logger.info({ modelSet: active.modelSet }, 'active models changed');
    const requeued = await sweepOutdatedClassifications(deps, active.modelSet);
    if (requeued > 0)
      logger.info({ requeued, modelSet: active.modelSet }, 'documents queued for re-classification');
    return changed;
  };
  const reevaluateReferences = async () => {
    const queued = await reevaluateReferenceChanges(deps);
    if (queued > 0) logger.info({ queued }, 'documents queued for verification after reference changes');
    return queued;
  };
  const sweep = async () => {
    await sweepUnclassified(deps, deps.sweepGraceMs ?? 10 * 60_000);
    await reevaluateReferences();
    await refreshModels();
  };
  const timer = setInterval(() => {
    sweep().catch((error) => logger.error({ err: String(error) }, 'sweep failed'));
  }, deps.sweepEveryMs ?? 60_000);
  return {
    reevaluateReferences,
    refreshModels,
    models,
    shadow,
    async close() {
      clearInterval(timer);
      await workers.close();
    },
  };
}
