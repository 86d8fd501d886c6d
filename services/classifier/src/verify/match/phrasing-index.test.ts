import { describe, expect, it } from 'vitest';
import { analyseText } from './analyse-text.ts';
import { PhrasingIndex } from './phrasing-index.ts';

const phrasings = [
  { doc: 0, source: 'q1', text: 'Hanoi hosted the largest ever naval parade last week' },
  { doc: 0, source: 'q2', text: 'A naval parade in Hanoi, the largest ever, drew crowds' },
  { doc: 3, source: 'q3', text: 'Farmers protest rice export quotas' },
];
const index = new PhrasingIndex(
  phrasings.map((p) => analyseText(p.text).stems),
  Int32Array.from(phrasings, (p) => p.doc),
  phrasings.map((p) => p.source),
);
const query = (text: string) => index.prepare(analyseText(text).stems);

describe('PhrasingIndex', () => {
  it('keeps the best-matching phrasing of each reference', () => {
    const best = index.bestByReference(query('largest naval parade ever held in Hanoi'));
    expect([...best.keys()]).toEqual([0]);
    const both = phrasings
      .slice(0, 2)
      .map((_, i) => index.bestByReference(query('largest naval parade ever held in Hanoi'), `q${2 - i}`));
    // Whichever phrasing is left out, the other one still links reference 0.
    for (const b of both) expect(b.get(0)?.bm25).toBeGreaterThan(0);
    expect(best.get(0)!.bm25).toBeGreaterThanOrEqual(Math.max(...both.map((b) => b.get(0)!.bm25)));
  });

  it('reports coverage of the matched phrasing and of the query', () => {
    const m = index.bestByReference(query('Farmers protest rice export quotas')).get(3)!;
    expect(m.docCoverage).toBeCloseTo(1, 5);
    expect(m.queryCoverage).toBeCloseTo(1, 5);
  });

  it('leaves out the phrasings of the excluded source', () => {
    expect(index.bestByReference(query('Farmers protest rice export quotas'), 'q3').has(3)).toBe(false);
  });

  it('finds nothing for a query sharing no term', () => {
    expect(index.bestByReference(query('weather forecast for Tuesday')).size).toBe(0);
  });
});
