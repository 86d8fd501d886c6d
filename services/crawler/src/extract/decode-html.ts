import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Bytes → text for HTML and XML. The charset comes from, in order: a byte-order mark (UTF-8/16/32), the
 * Content-Type header, a <meta> or XML declaration in the first 4 KB, the shape of the first bytes (UTF-16
 * without BOM). A page that claims UTF-8 (or claims nothing) but is not valid UTF-8 is sniffed with
 * `chardet`, falling back to windows-1252: mislabelled legacy pages are common in the wild.
 */
export type DecodedHtml = { html: string; charset: string };

/** Labels that browsers treat as a superset (WHATWG Encoding): decode as the superset. */
const SUPERSETS: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  'euc-kr': 'cp949',
  'ks_c_5601-1987': 'cp949',
  'tis-620': 'windows-874',
  'iso-8859-9': 'windows-1254',
  'x-sjis': 'shift_jis',
  'utf-16': 'utf-16le',
};

export function sniffCharset(bytes: Uint8Array, contentType: string | undefined): string {
  const bom = charsetFromBom(bytes);
  if (bom) return bom;
  const declared = declaredCharset(bytes, contentType);
  if (declared && !isUtf8Label(declared)) return declared;
  const shape = charsetFromShape(bytes);
  if (shape) return shape;
  if (looksLikeUtf8(bytes)) return 'utf-8';
  return guessLegacyCharset(bytes);
}

function charsetFromBom(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return 'utf-32le';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** `<?xml` or `<` written in UTF-16/32 without a BOM. */
function charsetFromShape(b: Uint8Array): string | undefined {
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x00 && b[3] === 0x00) return 'utf-32le';
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0x00 && b[3] === 0x3c) return 'utf-32be';
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] !== 0x00) return 'utf-16le';
  if (b[0] === 0x00 && b[1] === 0x3c) return 'utf-16be';
  return undefined;
}

function declaredCharset(bytes: Uint8Array, contentType: string | undefined): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const header = normaliseLabel(fromHeader);
  if (header) return header;
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const fromMeta =
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  return normaliseLabel(fromMeta);
}

function normaliseLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const lower = label.toLowerCase();
  const mapped = SUPERSETS[lower] ?? lower;
  // iconv-lite rather than TextDecoder: Node's TextDecoder lacks some legacy encodings still seen on
  // Vietnamese and Chinese sites (windows-1258, VISCII, GB18030 variants).
  return iconv.encodingExists(mapped) ? mapped : undefined;
}

const isUtf8Label = (label: string) => label === 'utf-8' || label === 'utf8';

/**
 * Valid UTF-8, or nearly so: a few stray bytes in a page full of valid multi-byte sequences is a damaged
 * UTF-8 page (decoded with U+FFFD), not a legacy encoding.
 */
export function looksLikeUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return invalid === 0 || valid >= invalid * 20;
}

function guessLegacyCharset(bytes: Uint8Array): string {
  const guess = chardet
    .analyse(bytes.subarray(0, 64 * 1024))
    .find((m) => m.confidence >= 30 && !/^utf/i.test(m.name) && normaliseLabel(m.name));
  return normaliseLabel(guess?.name) ?? 'windows-1252';
}

export function decodeHtml(bytes: Uint8Array, contentType: string | undefined): DecodedHtml {
  const charset = sniffCharset(bytes, contentType);
  // Invalid byte sequences become U+FFFD instead of throwing: a bad byte must not lose the page.
  const html = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, {
    stripBOM: true,
  });
  return { html, charset };
}
