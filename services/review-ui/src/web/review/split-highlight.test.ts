import { describe, expect, it } from 'vitest';
import { safeExternalUrl, splitHighlight } from './split-highlight.ts';

describe('splitHighlight', () => {
  const text = 'Mở đầu. Việt Nam và Nhật Bản ký hiệp định. Kết thúc.';
  const claim = 'Việt Nam và Nhật Bản ký hiệp định.';
  const start = text.indexOf(claim);

  it('cuts the text into before, claim and after, losing nothing', () => {
    const segments = splitHighlight(text, { start, end: start + claim.length });
    expect(segments).toEqual([
      { text: 'Mở đầu. ', isClaim: false },
      { text: claim, isClaim: true },
      { text: ' Kết thúc.', isClaim: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('drops empty pieces when the claim starts or ends the text', () => {
    expect(splitHighlight('abc', { start: 0, end: 3 })).toEqual([{ text: 'abc', isClaim: true }]);
    expect(splitHighlight('abcdef', { start: 3, end: 6 })).toEqual([
      { text: 'abc', isClaim: false },
      { text: 'def', isClaim: true },
    ]);
  });

  it('marks nothing without a span, or with one that is empty or outside the text', () => {
    expect(splitHighlight(text, null)).toEqual([{ text, isClaim: false }]);
    expect(splitHighlight(text, { start: 5, end: 5 })).toEqual([{ text, isClaim: false }]);
    expect(splitHighlight('short', { start: 50, end: 60 })).toEqual([{ text: 'short', isClaim: false }]);
    expect(splitHighlight('short', { start: 2, end: 60 })).toEqual([
      { text: 'sh', isClaim: false },
      { text: 'ort', isClaim: true },
    ]);
  });

  it('keeps markup in the text as text (it is never parsed)', () => {
    const hostile = 'x <img src=x onerror=alert(1)> y';
    expect(splitHighlight(hostile, { start: 2, end: 30 })[1]).toEqual({
      text: '<img src=x onerror=alert(1)>',
      isClaim: true,
    });
  });
});

describe('safeExternalUrl', () => {
  it('offers http and https links only', () => {
    expect(safeExternalUrl('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
    expect(safeExternalUrl('http://news.example/')).toBe('http://news.example/');
    expect(safeExternalUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeExternalUrl('data:text/html,<script>1</script>')).toBeUndefined();
    expect(safeExternalUrl('not a url')).toBeUndefined();
  });
});
