import type { Db } from '@claimwatch/shared/db';
import type { JobHandler } from '@claimwatch/shared/queues';
import { proposeDocumentFlags } from '../flag/propose-document-flags.ts';

/** verify → proposes flags for the document's claims (suggested only; people decide). */
export const handleVerify =
  (deps: { db: Db }): JobHandler<'verify'> =>
  async ({ documentId }, { logger }) => {
    const flags = await proposeDocumentFlags(deps.db, documentId);
    logger.info({ documentId, flags: flags.length }, 'flags proposed');
  };
