import { describe, expect, it } from 'vitest';
import { urlKey } from './url-key.ts';

describe('urlKey', () => {
  it('gives one key to spellings of the same article', () => {
    const key = urlKey('https://www.Example.com/news/a-b.html');
    expect(urlKey('http://example.com:80/news/a-b.html#comments')).toBe(key);
    expect(urlKey('https://example.com/news/a-b.html?utm_source=fb&utm_medium=x&fbclid=1')).toBe(key);
  });

  it('keeps meaningful query parameters, in a stable order', () => {
    expect(urlKey('https://example.com/a?id=2&page=1')).toBe(urlKey('https://example.com/a?page=1&id=2'));
    expect(urlKey('https://example.com/a?id=2')).not.toBe(urlKey('https://example.com/a?id=3'));
  });
});
