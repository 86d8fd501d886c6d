import {
  type ClaimRow,
  type ClassificationRow,
  type Db,
  type DocumentRow,
  type FlagRow,
  getClassification,
  getDocument,
  getFlag,
  listClaimsForDocument,
} from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';

export type FlagDetailData = {
  flag: FlagRow;
  claim: ClaimRow;
  document: DocumentRow;
  classification: ClassificationRow | undefined;
};

/** A flag with everything a reviewer needs to judge it: the claim, the article, and how it was classified. */
export async function loadFlagDetail(db: Db, id: string): Promise<FlagDetailData> {
  const flag = await getFlag(db, id);
  if (!flag) throw new AppError('not_found', `Flag ${id} does not exist`);
  const document = await getDocument(db, flag.document_id);
  const claim = (await listClaimsForDocument(db, flag.document_id)).find((c) => c.id === flag.claim_id);
  // Foreign keys cascade, so a flag without its claim or document is a broken invariant, not a 404.
  if (!document || !claim) throw new AppError('internal', `Flag ${id} lost its claim or document`);
  return { flag, claim, document, classification: await getClassification(db, flag.document_id) };
}
