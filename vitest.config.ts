import { defineConfig } from 'vitest/config';

const unitExclude = ['**/node_modules/**', '**/*.int.test.ts', '**/*.e2e.test.ts'];
const integration = (db: 'postgres' | 'pglite') => ({
  test: {
    name: `int-${db}`,
    include: ['**/*.int.test.ts'],
    exclude: ['**/node_modules/**'],
    env: { CLAIMWATCH_TEST_DB: db },
    globalSetup: [`packages/shared/src/testing/global-setup-${db}.ts`],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['**/*.test.ts'], exclude: unitExclude } },
      integration('postgres'),
      integration('pglite'),
      {
        test: {
          name: 'e2e',
          include: ['**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
