import { describe, expect, it } from 'vitest';
import { locateClaim } from './claim-span.ts';

const text = 'Mở đầu.\n\nViệt Nam và Nhật Bản ký hiệp định.\n\nKết thúc.';
const claim = 'Việt Nam và Nhật Bản ký hiệp định.';
const start = text.indexOf(claim);

describe('locateClaim', () => {
  it('uses the stored offsets when they still point at the claim', () => {
    expect(locateClaim(text, { start, end: start + claim.length, text: claim })).toEqual({
      start,
      end: start + claim.length,
    });
  });

  it('finds the sentence when the offsets no longer fit (the text was re-extracted)', () => {
    expect(locateClaim(text, { start: 0, end: claim.length, text: claim })).toEqual({
      start,
      end: start + claim.length,
    });
    expect(locateClaim(text, { start: 500, end: 600, text: claim })).toEqual({
      start,
      end: start + claim.length,
    });
  });

  it('gives null when the claim is no longer in the text, or is empty', () => {
    expect(locateClaim(text, { start, end: start + 5, text: 'Một câu khác.' })).toBeNull();
    expect(locateClaim(text, { start: 3, end: 3, text: '' })).toBeNull();
  });

  it('works on the NFC form the classifier indexed (decomposed input would shift offsets)', () => {
    const decomposed = text.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(text.length);
    const nfc = decomposed.normalize('NFC');
    expect(locateClaim(nfc, { start, end: start + claim.length, text: claim })).toEqual({
      start,
      end: start + claim.length,
    });
  });
});
