import type { Db } from '@claimwatch/shared/db';

export type PipelineCounts = { documents: number; claims: number; flags: number };

/** The three numbers a newcomer watches while the demo is crawled. */
export async function countFlags(system: { db: Db }): Promise<PipelineCounts> {
  const count = async (table: 'documents' | 'claims' | 'flags') =>
    Number(
      (
        await system.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { documents: await count('documents'), claims: await count('claims'), flags: await count('flags') };
}
