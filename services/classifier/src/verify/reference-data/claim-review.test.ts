import { describe, expect, it } from 'vitest';
import { parseClaimReviews } from './claim-review.ts';

const review = (url: string, claim: string) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url,
  claimReviewed: claim,
  datePublished: '2025-07-01',
  inLanguage: 'en',
  author: { '@type': 'Organization', name: 'Example Fact Check' },
  reviewRating: { '@type': 'Rating', ratingValue: 1, alternateName: 'False' },
  itemReviewed: { '@type': 'Claim', appearance: [{ url: 'https://social.example/post/1' }] },
});

describe('parseClaimReviews', () => {
  it('reads a single object, an array, a @graph and JSON lines, skipping other types', () => {
    const one = review('https://fc.example/1', 'Vietnam joined a military alliance');
    expect(parseClaimReviews('a.json', JSON.stringify(one))).toHaveLength(1);
    const graph = {
      '@graph': [one, { '@type': 'Organization', name: 'x' }, review('https://fc.example/2', 'B')],
    };
    const parsed = parseClaimReviews('g.json', JSON.stringify(graph));
    expect(parsed.map((r) => r.url)).toEqual(['https://fc.example/1', 'https://fc.example/2']);
    expect(parsed[0]).toMatchObject({ rating: 'False', authorName: 'Example Fact Check', lang: 'en' });
    const lines = `${JSON.stringify(one)}\n\n${JSON.stringify([review('https://fc.example/3', 'C')])}\n`;
    expect(parseClaimReviews('l.jsonl', lines)).toHaveLength(2);
  });

  it('names what a ClaimReview lacks', () => {
    expect(() =>
      parseClaimReviews('x.json', JSON.stringify({ '@type': 'ClaimReview', url: 'https://a.example' })),
    ).toThrow(/ClaimReview #1 needs claimReviewed/);
    expect(() => parseClaimReviews('x.jsonl', '{"@type":"ClaimReview"}\nnot json')).toThrow(
      /x\.jsonl:2: not JSON/,
    );
  });
});
