import { describe, expect, it } from 'vitest';
import { describeMatch } from './describe-match.ts';

describe('describeMatch', () => {
  it('reads a structured verdict on a verified fact', () => {
    expect(
      describeMatch({
        kind: 'verified_fact',
        id: 'vn-kr',
        version: 2,
        score: 0.92,
        text: 'Vietnam and South Korea established diplomatic relations on 22 December 1992.',
        check: 'relations_year',
        claimValue: '1995',
        factValue: '1992',
        confidence: 0.92,
      }),
    ).toEqual({
      kind: 'verified_fact',
      id: 'vn-kr',
      version: 2,
      score: 0.92,
      text: 'Vietnam and South Korea established diplomatic relations on 22 December 1992.',
      check: { name: 'relations_year', claimValue: '1995', factValue: '1992' },
      nli: null,
    });
  });

  it('reads NLI scores and past responses, and keeps unknown kinds as other', () => {
    expect(
      describeMatch({
        kind: 'verified_fact',
        id: 'f',
        nli: { entailment: 0.1, neutral: 0.2, contradiction: 0.7 },
      })?.nli,
    ).toEqual({ entailment: 0.1, neutral: 0.2, contradiction: 0.7 });
    expect(describeMatch({ kind: 'verified_fact', id: 'f', nli: { entailment: 'x' } })?.nli).toBeNull();
    expect(describeMatch({ kind: 'response', id: 'r1', score: 0.8 })).toMatchObject({
      kind: 'response',
      id: 'r1',
    });
    expect(describeMatch({ fact: 'F', score: 0.9 })).toMatchObject({ kind: 'other', id: null, score: 0.9 });
  });

  it('returns null for anything that is not an object', () => {
    for (const v of [null, 'text', 3, ['a']]) expect(describeMatch(v)).toBeNull();
  });
});
