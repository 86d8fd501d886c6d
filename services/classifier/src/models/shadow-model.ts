import type { ClassifierConfig } from '@claimwatch/shared/config';
import type { Logger } from '@claimwatch/shared/logging';
import { type CheckworthinessScorer, loadCheckworthinessScorer } from './active-models.ts';
import { findModel, type ModelDirs } from './registry.ts';

/**
 * The shadow check-worthiness model of a classifier process (`CLASSIFIER_SHADOW_CHECKWORTHY_MODEL`): it
 * scores the stored claims next to the active model and proposes nothing. A missing or broken shadow model
 * is logged and leaves `current()` undefined; classification goes on without it. `refresh()` tries again
 * when the installed revision changed (an operator fixed or replaced it).
 */
export type ShadowModelState = {
  current(): Promise<CheckworthinessScorer | undefined>;
  refresh(): Promise<boolean>;
};

type Choice = Pick<ClassifierConfig, 'shadowCheckworthyModel' | 'modelBatchSize'>;

export function createShadowModelState(config: Choice, dirs: ModelDirs, logger: Logger): ShadowModelState {
  const id = config.shadowCheckworthyModel;
  if (!id) return { current: async () => undefined, refresh: async () => false };
  const key = () => {
    try {
      return `${id}@${findModel(dirs, id).manifest.revision}`;
    } catch {
      return `${id}@missing`;
    }
  };
  const load = async (): Promise<CheckworthinessScorer | undefined> => {
    try {
      const scorer = await loadCheckworthinessScorer(findModel(dirs, id), dirs, {
        batchSize: config.modelBatchSize,
      });
      logger.info({ shadowModel: `${scorer.model.id}@${scorer.model.revision}` }, 'shadow model loaded');
      return scorer;
    } catch (error) {
      logger.error(
        { shadowModel: id, err: error instanceof Error ? error.message : String(error) },
        'shadow model unavailable: classification goes on without it',
      );
      return undefined;
    }
  };
  let loadedKey = key();
  let shadow = load();
  return {
    current: () => shadow,
    async refresh() {
      const next = key();
      if (next === loadedKey) return false;
      loadedKey = next;
      shadow = load();
      await shadow;
      return true;
    },
  };
}
