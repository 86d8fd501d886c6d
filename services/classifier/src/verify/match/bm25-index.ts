export type Bm25Params = { k1: number; b: number };

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** A query resolved against one index: its distinct known terms (ids, sorted) and their IDFs. */
export type PreparedQuery = {
  termIds: Int32Array;
  idfs: Float64Array;
  /** IDF mass of every distinct query term, known or not (unknown terms count as seen once). */
  mass: number;
};

/**
 * An inverted index scored with Okapi BM25 over token lists (any view of any field), with a forward index
 * (CSR arrays of term ids per document) so that single candidates can be scored and compared cheaply.
 * Memory is a few typed arrays: about 10 bytes per token occurrence.
 */
export class Bm25Index {
  readonly size: number;
  private readonly vocabulary = new Map<string, number>();
  private readonly idfById: Float64Array;
  private readonly postingStarts: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingTfs: Float32Array;
  private readonly forwardStarts: Int32Array;
  private readonly forwardTerms: Int32Array;
  private readonly forwardTfs: Float32Array;
  private readonly norms: Float32Array;
  private readonly documentMass: Float64Array;

  constructor(
    documents: readonly (readonly string[])[],
    readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    const n = documents.length;
    this.size = n;
    const forwardStarts = new Int32Array(n + 1);
    const terms: number[] = [];
    const tfs: number[] = [];
    const df: number[] = [];
    const lengths = new Float32Array(n);
    let total = 0;
    for (let d = 0; d < n; d++) {
      const tokens = documents[d]!;
      lengths[d] = tokens.length;
      total += tokens.length;
      const counts = new Map<number, number>();
      for (const t of tokens) {
        let id = this.vocabulary.get(t);
        if (id === undefined) {
          id = this.vocabulary.size;
          this.vocabulary.set(t, id);
          df.push(0);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const ids = [...counts.keys()].sort((a, b) => a - b);
      for (const id of ids) {
        terms.push(id);
        tfs.push(counts.get(id)!);
        df[id]!++;
      }
      forwardStarts[d + 1] = terms.length;
    }
    this.forwardStarts = forwardStarts;
    this.forwardTerms = Int32Array.from(terms);
    this.forwardTfs = Float32Array.from(tfs);

    const v = this.vocabulary.size;
    this.idfById = new Float64Array(v);
    for (let t = 0; t < v; t++) this.idfById[t] = Math.log(1 + (n - df[t]! + 0.5) / (df[t]! + 0.5));
    this.postingStarts = new Int32Array(v + 1);
    for (let t = 0; t < v; t++) this.postingStarts[t + 1] = this.postingStarts[t]! + df[t]!;
    this.postingDocs = new Int32Array(terms.length);
    this.postingTfs = new Float32Array(terms.length);
    const fill = this.postingStarts.slice(0, v);
    for (let d = 0; d < n; d++) {
      for (let i = forwardStarts[d]!; i < forwardStarts[d + 1]!; i++) {
        const t = this.forwardTerms[i]!;
        const at = fill[t]!++;
        this.postingDocs[at] = d;
        this.postingTfs[at] = this.forwardTfs[i]!;
      }
    }
    const average = n === 0 ? 1 : Math.max(1, total / n);
    this.norms = new Float32Array(n);
    this.documentMass = new Float64Array(n);
    for (let d = 0; d < n; d++) {
      this.norms[d] = params.k1 * (1 - params.b + (params.b * lengths[d]!) / average);
      let mass = 0;
      for (let i = forwardStarts[d]!; i < forwardStarts[d + 1]!; i++)
        mass += this.idfById[this.forwardTerms[i]!]!;
      this.documentMass[d] = mass;
    }
  }

  /** Inverse document frequency; an unseen term counts as seen once. */
  idf(term: string): number {
    const id = this.vocabulary.get(term);
    return id === undefined ? this.unseenIdf() : this.idfById[id]!;
  }

  private unseenIdf(): number {
    return Math.log(1 + (this.size - 0.5) / 1.5);
  }

  prepare(query: readonly string[]): PreparedQuery {
    const ids: number[] = [];
    let mass = 0;
    for (const term of new Set(query)) {
      const id = this.vocabulary.get(term);
      if (id === undefined) mass += this.unseenIdf();
      else {
        ids.push(id);
        mass += this.idfById[id]!;
      }
    }
    ids.sort((a, b) => a - b);
    return { termIds: Int32Array.from(ids), idfs: Float64Array.from(ids, (id) => this.idfById[id]!), mass };
  }

  /**
   * Adds every document's score for the query to `scores` (length `size`) and lists the documents it
   * touched in `touched` (each once) so callers can rank and reset only those.
   */
  scoreAll(query: PreparedQuery, scores: Float32Array, touched: number[], weight = 1): void {
    const k1 = this.params.k1;
    for (let q = 0; q < query.termIds.length; q++) {
      const t = query.termIds[q]!;
      const idf = query.idfs[q]! * weight;
      for (let i = this.postingStarts[t]!; i < this.postingStarts[t + 1]!; i++) {
        const d = this.postingDocs[i]!;
        const tf = this.postingTfs[i]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (idf * tf * (k1 + 1)) / (tf + this.norms[d]!);
      }
    }
  }

  /** BM25 of one document, plus how much of the document's and the query's IDF mass the two share. */
  compare(query: PreparedQuery, doc: number): { bm25: number; docCoverage: number; queryCoverage: number } {
    const k1 = this.params.k1;
    let bm25 = 0;
    let shared = 0;
    let i = this.forwardStarts[doc]!;
    const end = this.forwardStarts[doc + 1]!;
    let q = 0;
    while (i < end && q < query.termIds.length) {
      const t = this.forwardTerms[i]!;
      const qt = query.termIds[q]!;
      if (t < qt) i++;
      else if (t > qt) q++;
      else {
        const tf = this.forwardTfs[i]!;
        const idf = query.idfs[q]!;
        bm25 += (idf * tf * (k1 + 1)) / (tf + this.norms[doc]!);
        shared += idf;
        i++;
        q++;
      }
    }
    const docMass = this.documentMass[doc]!;
    return {
      bm25,
      docCoverage: docMass > 0 ? shared / docMass : 0,
      queryCoverage: query.mass > 0 ? shared / query.mass : 0,
    };
  }

  /** Bytes held by the typed arrays (the vocabulary map comes on top). */
  byteSize(): number {
    return [
      this.idfById,
      this.postingStarts,
      this.postingDocs,
      this.postingTfs,
      this.forwardStarts,
      this.forwardTerms,
      this.forwardTfs,
      this.norms,
      this.documentMass,
    ].reduce((s, a) => s + a.byteLength, 0);
  }
}

/** The `k` highest-scoring of `candidates`, best first (ties by lower index, so results are stable). */
export function topK(scores: Float32Array, candidates: readonly number[], k: number): number[] {
  const sorted = [...candidates].sort((a, b) => scores[b]! - scores[a]! || a - b);
  return sorted.slice(0, k);
}
