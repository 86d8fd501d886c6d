import { toAppError } from '@claimwatch/shared/errors';
import { type FeedRecord, parseFeedRecord } from './feed-batch.ts';
import { serveIsolatedTasks } from './serve-isolated-tasks.ts';

serveIsolatedTasks(
  ({ record }: { record: FeedRecord }) => parseFeedRecord(record),
  (error, { record }) => ({
    id: record?.id ?? null,
    title: null,
    items: [],
    error: `${toAppError(error).code}: ${toAppError(error).message}`.slice(0, 500),
  }),
);
