import { describe, expect, it } from 'vitest';
import { urlKey } from './url-key.ts';

describe('urlKey', () => {
  it('gives one key to spellings of the same article', () => {
    const key = urlKey('https://www.Example.com/news/a-b.html');
    expect(urlKey('http://example.com:80/news/a-b.html#comments')).toBe(key);
    expect(urlKey('https://example.com/news/a-b.html?utm_source=fb&utm_medium=x&fbclid=1')).toBe(key);
  });

  it('folds mobile and AMP variants into the article', () => {
    const key = urlKey('https://vnexpress.net/thoi-su/bai-viet-123.html');
    expect(urlKey('https://m.vnexpress.net/thoi-su/bai-viet-123.html')).toBe(key);
    expect(urlKey('https://amp.vnexpress.net/thoi-su/bai-viet-123.html')).toBe(key);
    expect(urlKey('https://vnexpress.net/amp/thoi-su/bai-viet-123.html')).toBe(key);
    expect(urlKey('https://vnexpress.net/thoi-su/bai-viet-123.amp.html')).toBe(key);
    expect(urlKey('https://vnexpress.net/thoi-su/bai-viet-123.html?amp=1&utm_campaign=x')).toBe(key);
    expect(urlKey('https://m.com/a')).toBe('m.com/a');
  });

  it('keeps meaningful query parameters, in a stable order', () => {
    expect(urlKey('https://example.com/a?id=2&page=1')).toBe(urlKey('https://example.com/a?page=1&id=2'));
    expect(urlKey('https://example.com/a?id=2')).not.toBe(urlKey('https://example.com/a?id=3'));
  });
});
