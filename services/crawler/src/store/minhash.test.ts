import { describe, expect, it } from 'vitest';
import {
  estimateSimilarity,
  minhashSignature,
  NEAR_DUPLICATE_SIMILARITY,
  signatureBands,
} from './minhash.ts';

const story =
  'Vietnam and Japan signed an agreement on Monday in Hanoi to expand cooperation in trade, investment, ' +
  'education and clean energy over the next five years, officials from both countries said after the talks. ' +
  'The deal includes new scholarship programmes, a joint fund for infrastructure and a review every year ' +
  'by a committee that meets alternately in Hanoi and Tokyo, according to a statement from the ministry.';
const other =
  'The football club announced a new coach on Friday after a poor season, the third change in two years, ' +
  'and fans gathered outside the stadium to protest against the owners and the ticket prices again.';

describe('MinHash near-duplicates', () => {
  it('rates syndicated and lightly edited copies as one story, and unrelated texts as different', () => {
    const original = minhashSignature(story)!;
    const syndicated = minhashSignature(`${story} Reporting by a wire agency; editing by another desk.`)!;
    const edited = minhashSignature(story.replace('on Monday', 'this week'))!;
    expect(estimateSimilarity(original, original)).toBe(1);
    expect(estimateSimilarity(original, syndicated)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    expect(estimateSimilarity(original, edited)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    expect(estimateSimilarity(original, minhashSignature(other)!)).toBeLessThan(0.2);
  });

  it('gives copies shared bands, unrelated texts none, and nothing for very short texts', () => {
    const a = signatureBands(minhashSignature(story)!);
    const b = signatureBands(minhashSignature(`${story} Reporting by a wire agency.`)!);
    const c = signatureBands(minhashSignature(other)!);
    expect(a).toHaveLength(16);
    expect(a.filter((v, i) => b[i] === v).length).toBeGreaterThan(0);
    expect(a.filter((v, i) => c[i] === v)).toHaveLength(0);
    expect(minhashSignature('too short')).toBeNull();
  });
});
