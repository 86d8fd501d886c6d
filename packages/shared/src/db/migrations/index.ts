import type { Migration } from 'kysely';
import * as initial from './2026-11-23T080000_initial.ts';
import * as crawlerProduction from './2026-11-24T100000_crawler_production.ts';
import * as classificationModelSet from './2026-11-24T200000_classification_model_set.ts';
import * as referenceData from './2026-11-24T300000_reference_data.ts';
import * as reviewAndResponses from './2026-11-24T400000_review_and_responses.ts';
import * as triageIndexes from './2026-11-24T410000_triage_indexes.ts';
import * as accountSecurity from './2026-11-24T450000_account_security.ts';
import * as digests from './2026-11-24T500000_digests.ts';
import * as shadowScores from './2026-11-25T200000_shadow_scores.ts';

/**
 * Every migration, keyed by its file name (applied in key order). Listed explicitly rather than read
 * from the folder, so the same list works under tsx, vitest and plain Node loaders.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-23T080000_initial': initial,
  '2026-11-24T100000_crawler_production': crawlerProduction,
  '2026-11-24T200000_classification_model_set': classificationModelSet,
  '2026-11-24T300000_reference_data': referenceData,
  '2026-11-24T400000_review_and_responses': reviewAndResponses,
  '2026-11-24T410000_triage_indexes': triageIndexes,
  '2026-11-24T450000_account_security': accountSecurity,
  '2026-11-24T500000_digests': digests,
  '2026-11-25T200000_shadow_scores': shadowScores,
};
