import { describe, expect, it } from 'vitest';
import { decodeHtml, sniffCharset } from './decode-html.ts';

describe('decodeHtml', () => {
  it('uses the header charset, then the meta charset, then UTF-8', () => {
    const latin1 = Buffer.from('<p>caf\xe9</p>', 'latin1');
    expect(decodeHtml(latin1, 'text/html; charset=ISO-8859-1').html).toBe('<p>café</p>');
    const withMeta = Buffer.concat([
      Buffer.from('<meta charset="windows-1252"><p>'),
      Buffer.from([0x93, 0x61, 0x94]),
    ]);
    expect(decodeHtml(withMeta, 'text/html').html).toContain('“a”');
    expect(decodeHtml(Buffer.from('<p>Việt Nam</p>'), undefined).html).toBe('<p>Việt Nam</p>');
  });

  it('prefers a BOM and ignores unknown labels', () => {
    expect(sniffCharset(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'text/html; charset=latin1')).toBe('utf-8');
    expect(sniffCharset(Buffer.from('<p>x</p>'), 'text/html; charset=klingon')).toBe('utf-8');
  });

  it('never throws on invalid bytes', () => {
    expect(
      decodeHtml(Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xc3]), 'text/html; charset=utf-8').html,
    ).toContain('\ufffd');
  });
});
