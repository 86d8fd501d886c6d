import type { ClassifierConfig } from '@claimwatch/shared/config';
import { type ActiveModels, chooseCheckworthinessModel, loadActiveModels } from './active-models.ts';
import type { ModelDirs } from './registry.ts';

/**
 * The active detectors of a classifier process. `refresh()` re-reads the configured choice and the
 * installed manifests (an operator may import a new revision while the process runs) and swaps the
 * detectors when their id or revision changed.
 */
export type ModelState = {
  current(): Promise<ActiveModels>;
  refresh(): Promise<boolean>;
};

type Choice = Pick<ClassifierConfig, 'checkworthyModel' | 'embeddingModel' | 'modelBatchSize'>;

export function createModelState(config: Choice, dirs: ModelDirs): ModelState {
  let active = loadActiveModels(config, dirs);
  // Jobs await it and fail with its error; until then it must not count as an unhandled rejection.
  active.catch(() => {});
  const key = () => {
    const m = chooseCheckworthinessModel(config, dirs).manifest;
    return `${m.id}@${m.revision}`;
  };
  let loadedKey = key();
  return {
    current: () => active,
    async refresh() {
      const next = key();
      if (next === loadedKey) return false;
      const loading = loadActiveModels(config, dirs);
      await loading; // a broken new model keeps the old one running
      active = loading;
      loadedKey = next;
      return true;
    },
  };
}
