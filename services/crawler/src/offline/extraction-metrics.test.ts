import { describe, expect, it } from 'vitest';
import {
  scoreSegments,
  scoreShingles,
  segmentCounts,
  shingleOverlap,
  tokenize,
} from './extraction-metrics.ts';

describe('article-extraction-benchmark metric', () => {
  it('tokenizes like Python \\w+ (letters, numbers, underscore; marks split words)', () => {
    expect(tokenize('Việt Nam, 2026_x! a-b')).toEqual(['Việt', 'Nam', '2026_x', 'a', 'b']);
  });

  it('counts 4-gram shingle overlaps as multisets, and one short shingle for short texts', () => {
    expect(shingleOverlap('a b c d e', 'a b c d e')).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(shingleOverlap('a b c d e', 'a b c d x')).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(shingleOverlap('a b', 'a b')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(shingleOverlap('a b c d', '')).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('averages precision and recall over documents, then takes their harmonic mean', () => {
    const score = scoreShingles([
      { tp: 3, fp: 1, fn: 0 },
      { tp: 1, fp: 0, fn: 1 },
    ]);
    expect(score.precision).toBeCloseTo((0.75 + 1) / 2);
    expect(score.recall).toBeCloseTo((1 + 0.5) / 2);
    expect(score.f1).toBeCloseTo((2 * 0.875 * 0.75) / (0.875 + 0.75));
  });
});

describe('trafilatura-eval metric', () => {
  it('matches whitespace-normalised segments and micro-averages', () => {
    const page = segmentCounts(
      'Hello   world.\nThe article  text.',
      ['hello', 'The article text.', 'Hello world.'],
      ['Share this', 'world.'],
    );
    expect(page).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1 });
    const score = scoreSegments([page, { tp: 2, fn: 0, fp: 0, tn: 2 }]);
    expect(score.precision).toBeCloseTo(4 / 5);
    expect(score.recall).toBeCloseTo(4 / 5);
    expect(score.accuracy).toBeCloseTo(7 / 9);
  });
});
