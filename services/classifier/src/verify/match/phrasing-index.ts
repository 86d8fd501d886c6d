import { Bm25Index, type PreparedQuery } from './bm25-index.ts';

/**
 * Another wording of a reference that a person confirmed: a claim a reviewer linked to this fact, an example
 * phrasing of a narrative. `source` names where it came from (a claim id, a query id) so a query can leave
 * its own confirmation out.
 */
export type Phrasing = { text: string; source?: string | undefined };

/** How well the closest confirmed phrasing of one reference matches a query. */
export type PhrasingMatch = { bm25: number; docCoverage: number; queryCoverage: number };

/**
 * BM25 over every confirmed phrasing (stems), each phrasing its own document pointing back to its reference.
 * Past confirmations are the matcher's memory: a new tweet worded like one a person already linked finds the
 * same reference even when the reference itself is worded differently.
 */
export class PhrasingIndex {
  readonly size: number;
  private readonly bm25: Bm25Index;
  private readonly scratch: Float32Array;

  constructor(
    stems: readonly (readonly string[])[],
    private readonly referenceOf: Int32Array,
    private readonly sources: readonly (string | undefined)[],
  ) {
    this.size = stems.length;
    this.bm25 = new Bm25Index(stems);
    this.scratch = new Float32Array(stems.length);
  }

  prepare(queryStems: readonly string[]): PreparedQuery {
    return this.bm25.prepare(queryStems);
  }

  /**
   * The best-matching phrasing of every reference that has one sharing a term with the query, leaving out
   * phrasings from `excludeSource`. Only the `limit` best phrasings are compared in full.
   */
  bestByReference(query: PreparedQuery, excludeSource?: string, limit = 200): Map<number, PhrasingMatch> {
    const touched: number[] = [];
    this.bm25.scoreAll(query, this.scratch, touched);
    const ranked = touched
      .filter((p) => excludeSource === undefined || this.sources[p] !== excludeSource)
      .sort((a, b) => this.scratch[b]! - this.scratch[a]! || a - b)
      .slice(0, limit);
    for (const p of touched) this.scratch[p] = 0;
    const best = new Map<number, PhrasingMatch>();
    for (const p of ranked) {
      const doc = this.referenceOf[p]!;
      if (best.has(doc)) continue; // ranked best first: the first phrasing of a reference is its best
      best.set(doc, this.bm25.compare(query, p));
    }
    return best;
  }
}
