import { prepareTemplates } from './test-database.ts';

/** vitest globalSetup of the int-pglite project: the migrated PGlite data dump, once per run. */
export default async function setup(): Promise<void> {
  await prepareTemplates('pglite', '');
}
