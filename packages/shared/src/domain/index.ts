export * from './references.ts';
export * from './statuses.ts';
