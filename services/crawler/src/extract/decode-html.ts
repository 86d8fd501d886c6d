import iconv from 'iconv-lite';

/**
 * Bytes → text for HTML and XML: charset from the BOM, then the Content-Type header, then a <meta> or
 * XML declaration in the first 2 KB; UTF-8 when nothing says otherwise or the label is unknown.
 */
export type DecodedHtml = { html: string; charset: string };

export function sniffCharset(bytes: Uint8Array, contentType: string | undefined): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader && isKnownLabel(fromHeader)) return fromHeader.toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const fromMeta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (fromMeta && isKnownLabel(fromMeta)) return fromMeta.toLowerCase();
  return 'utf-8';
}

// iconv-lite rather than TextDecoder: Node's TextDecoder decodes windows-1252 as ISO-8859-1 and lacks
// some legacy encodings still seen on Vietnamese and Chinese sites (windows-1258, VISCII, GB18030 variants).
function isKnownLabel(label: string): boolean {
  return iconv.encodingExists(label);
}

export function decodeHtml(bytes: Uint8Array, contentType: string | undefined): DecodedHtml {
  const charset = sniffCharset(bytes, contentType);
  // Invalid byte sequences become U+FFFD instead of throwing: a bad byte must not lose the page.
  const html = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, {
    stripBOM: true,
  });
  return { html, charset };
}
