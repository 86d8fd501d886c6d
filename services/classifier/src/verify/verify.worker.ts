import type { Db } from '@claimwatch/shared/db';
import type { JobHandler } from '@claimwatch/shared/queues';
import { proposeDocumentFlags, type ReferenceCache } from '../flag/propose-document-flags.ts';

/** verify → matches the document's claims with facts and narratives, proposes flags (suggested only). */
export const handleVerify =
  (deps: { db: Db; references: ReferenceCache }): JobHandler<'verify'> =>
  async ({ documentId }, { logger }) => {
    const flags = await proposeDocumentFlags(deps.db, documentId, deps.references);
    logger.info({ documentId, flags: flags.length, reasons: flags.map((f) => f.reason) }, 'flags proposed');
  };
