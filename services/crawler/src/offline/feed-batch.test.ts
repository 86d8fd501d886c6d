import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { createFeedBatchParser, parseFeedRecord } from './feed-batch.ts';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const rssWith = (item: string, decl = '') =>
  `${decl}<rss version="2.0"><channel><title>T</title><item>${item}</item></channel></rss>`;

/** Small hostile inputs written for this test: the shapes the feed-parser fixtures exercise. */
const hostile = [
  { id: 'not-xml', content: '\u0000\u0001 {{{ <<<' },
  { id: 'empty', content: '' },
  { id: 'html-page', content: '<!doctype html><html><body>hello</body></html>' },
  { id: 'no-content' },
  { id: 'number-content', content: 42 },
  { id: 'bad-base64', content_base64: '@@@not base64@@@' },
  {
    id: 'billion-laughs',
    content: `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><title>&c;&c;&c;</title></channel></rss>`,
  },
  {
    id: 'deep-nesting',
    content: `<rss><channel><item><title>${'<b>'.repeat(20000)}x</title></item></channel></rss>`,
  },
  {
    id: 'many-items',
    content: `<rss><channel>${'<item><title>i</title></item>'.repeat(20000)}</channel></rss>`,
  },
  {
    id: 'script-everywhere',
    content: rssWith(
      '<title>&lt;script&gt;alert(1)&lt;/script&gt;Tiêu đề</title><link>javascript:alert(1)</link>' +
        '<description><![CDATA[<p onclick="alert(2)">Nội dung</p><style>*{}</style><img src=x onerror=alert(3)>]]></description>',
    ),
  },
];

describe('parseFeedRecord on hostile input', () => {
  it.each(hostile)('answers $id without throwing, with no markup in the output', (record) => {
    const out = parseFeedRecord(record);
    expect(out.id).toBe(record.id);
    const json = JSON.stringify(out);
    expect(json).not.toMatch(/<script|<style|onerror|onclick|javascript:/i);
    if (out.error === null) expect(Array.isArray(out.items)).toBe(true);
  });

  it('bounds item counts and keeps Vietnamese text', () => {
    expect(parseFeedRecord(hostile[8]!).items.length).toBeLessThanOrEqual(5000);
    const out = parseFeedRecord(hostile[9]!);
    expect(out.items[0]).toMatchObject({ title: 'Tiêu đề', link: null, summary: 'Nội dung' });
  });

  it('decodes raw bytes: windows-1252 without a label, UTF-16 with a BOM, a declared EUC-KR', () => {
    const cp1252 = iconv.encode(rssWith('<title>“Café” – naïve</title>'), 'windows-1252');
    expect(parseFeedRecord({ id: 1, content_base64: b64(cp1252) }).items[0]!.title).toBe('“Café” – naïve');
    const utf16 = iconv.encode(rssWith('<title>Việt Nam</title>'), 'utf-16le', { addBOM: true });
    expect(parseFeedRecord({ id: 2, content_base64: b64(utf16) }).items[0]!.title).toBe('Việt Nam');
    const euckr = iconv.encode(
      rssWith('<title>년</title>', '<?xml version="1.0" encoding="euc-kr"?>'),
      'euc-kr',
    );
    expect(parseFeedRecord({ id: 3, content_base64: b64(euckr) }).items[0]!.title).toBe('년');
    const header = iconv.encode(rssWith('<title>£ test</title>'), 'windows-1252');
    expect(
      parseFeedRecord({
        id: 4,
        content_base64: b64(header),
        http_headers: ['Content-type: text/xml; charset=windows-1252'],
      }).items[0]!.title,
    ).toBe('£ test');
  });
});

describe('createFeedBatchParser', () => {
  const parser = createFeedBatchParser({ workers: 1, timeoutMs: 5000 });
  afterAll(() => parser.close());

  it('parses in a worker thread and answers every record with its id', async () => {
    const outs = await Promise.all(hostile.map((record) => parser.run(record)));
    expect(outs.map((o) => o.id)).toEqual(hostile.map((r) => r.id));
    expect(outs.find((o) => o.id === 'script-everywhere')!.items[0]!.title).toBe('Tiêu đề');
  }, 30_000);
});
