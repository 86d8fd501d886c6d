import { toAppError } from '@claimwatch/shared/errors';
import { type ExtractMode, type ExtractRecord, extractRecord } from './extract-batch.ts';
import { serveIsolatedTasks } from './serve-isolated-tasks.ts';

serveIsolatedTasks(
  ({ record, mode }: { record: ExtractRecord; mode: ExtractMode }) => extractRecord(record, mode),
  (error, { record }) => ({
    id: record?.id ?? null,
    title: null,
    text: null,
    lang: null,
    publishedAt: null,
    extractor: null,
    error: `${toAppError(error).code}: ${toAppError(error).message}`.slice(0, 500),
  }),
);
