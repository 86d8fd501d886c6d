import { loadTestingConfig, readProcessEnv } from '../config/index.ts';
import { prepareTemplates } from './test-database.ts';

/** vitest globalSetup of the int-postgres project: the migrated template database, once per run. */
export default async function setup(): Promise<void> {
  await prepareTemplates('postgres', loadTestingConfig(readProcessEnv()).adminUrl);
}
