export * from './builders.ts';
export { createTestDatabase, migrationsHash, prepareTemplates, type TestDatabase } from './test-database.ts';
export { createTestQueues, type TestQueues } from './test-queues.ts';
export { waitFor } from './wait-for.ts';
