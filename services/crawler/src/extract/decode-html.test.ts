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

  it('keeps UTF-8 with a stray bad byte (as U+FFFD), and never throws', () => {
    const damaged = Buffer.concat([Buffer.from('<p>Việt Nam '.repeat(30)), Buffer.from([0xff, 0x3c])]);
    const { html, charset } = decodeHtml(damaged, 'text/html; charset=utf-8');
    expect(charset).toBe('utf-8');
    expect(html).toContain('Việt Nam');
    expect(html).toContain('\ufffd');
  });

  it('sniffs a page mislabelled or unlabelled as UTF-8 that is really a legacy encoding', () => {
    const latin = Buffer.from('<p>Die Straße, schön und grün, für Müller. Größe über alles.</p>', 'latin1');
    expect(decodeHtml(latin, 'text/html; charset=utf-8').html).toContain('schön und grün');
    expect(decodeHtml(latin, undefined).html).toContain('Straße');
  });

  it('reads UTF-16 and UTF-32 from their byte order marks or shape', () => {
    const utf16 = Buffer.from('\ufeff<?xml version="1.0"?><a>Việt</a>', 'utf16le');
    expect(decodeHtml(utf16, undefined).html).toBe('<?xml version="1.0"?><a>Việt</a>');
    expect(decodeHtml(Buffer.from('<a>x</a>', 'utf16le'), undefined).html).toBe('<a>x</a>');
  });
});
