import { describe, expect, it } from 'vitest';
import {
  draftCitationsOf,
  moveCitation,
  newFactCitation,
  newSourceCitation,
  removeCitation,
  sameCitations,
  sourceUrlProblem,
  toSaved,
} from './citation-draft.ts';

const saved = [
  {
    kind: 'verified_fact' as const,
    factId: 'vn-jp',
    url: null,
    title: null,
    quote: null,
    factText: { vi: 'VN–JP', en: 'VN–JP' },
  },
  {
    kind: 'source' as const,
    factId: null,
    url: 'https://a.example/',
    title: 'A',
    quote: 'q',
    factText: null,
  },
];

describe('the citation draft', () => {
  it('moves an item up or down by swapping with its neighbour, and not past either end', () => {
    expect(moveCitation(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveCitation(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveCitation(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveCitation(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(removeCitation(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('keeps each item its own key across moves, and strips keys and blank quotes when saving', () => {
    const draft = draftCitationsOf(saved);
    expect(new Set(draft.map((c) => c.key)).size).toBe(2);
    const moved = moveCitation(draft, 1, -1);
    expect(moved.map((c) => c.key)).toEqual([draft[1]!.key, draft[0]!.key]);
    expect(toSaved([{ ...draft[1]!, quote: '   ' }, draft[0]!])).toEqual([
      { kind: 'source', factId: null, url: 'https://a.example/', title: 'A', quote: null },
      { kind: 'verified_fact', factId: 'vn-jp', url: null, title: null, quote: null },
    ]);
  });

  it('tells whether the draft still says what is saved (order and quotes count)', () => {
    const draft = draftCitationsOf(saved);
    expect(sameCitations(draft, saved)).toBe(true);
    expect(sameCitations(moveCitation(draft, 0, 1), saved)).toBe(false);
    expect(sameCitations(removeCitation(draft, 0), saved)).toBe(false);
    expect(sameCitations([draft[0]!, { ...draft[1]!, quote: 'q2' }], saved)).toBe(false);
    expect(
      sameCitations(
        [...draft, newFactCitation({ id: 'other', kind: 'other', textVi: 'x', textEn: 'x' })],
        saved,
      ),
    ).toBe(false);
  });

  it('accepts only absolute http(s) URLs with a host as sources', () => {
    expect(sourceUrlProblem('  ')).toBe('urlRequired');
    for (const bad of [
      'javascript:alert(1)',
      'ftp://a.example/x',
      'www.example.com',
      'http://',
      'https:// a',
    ])
      expect(sourceUrlProblem(bad), bad).toBe('urlNotHttp');
    expect(sourceUrlProblem(' https://mofa.gov.vn/a?b=1 ')).toBeNull();
    expect(newSourceCitation({ url: ' https://a.example/x ', title: ' ', quote: ' Trích ' })).toMatchObject({
      kind: 'source',
      url: 'https://a.example/x',
      title: null,
      quote: 'Trích',
      factId: null,
    });
  });
});
