import type { ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * Feed text is hostile: titles and summaries may carry HTML, escaped HTML, or escaped escaped HTML.
 * Everything leaves as plain text: tags dropped, the content of script/style/… dropped (never shown as
 * text either), entities decoded. Text that still looks like markup after decoding (double escaping)
 * is parsed again, a bounded number of times.
 */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'applet',
  'frameset',
  'frame',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'form',
  'select',
  'textarea',
  'button',
]);
const BLOCK =
  /^(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|section|article|header|footer|dd|dt|hr)$/;
const LOOKS_LIKE_MARKUP = /<\/?[a-z!?][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;
const MAX_ROUNDS = 3;
/** Bounds the work on absurd inputs: a summary is for a human to skim. */
const MAX_INPUT_CHARS = 2_000_000;

function collect(nodes: ChildNode[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.data);
    else if (node.type === 'cdata') collect(node.children, out);
    else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const name = node.name.toLowerCase().replace(/^.*:/, '');
      if (DROPPED.has(name) || node.type !== 'tag') continue;
      const isBlock = BLOCK.test(name);
      if (isBlock) out.push(' ');
      collect(node.children, out);
      if (isBlock) out.push(' ');
    }
  }
}

function oneRound(html: string): string {
  const document = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    // `<iframe src=x/>` closes itself: without this the rest of the summary would vanish inside it.
    recognizeSelfClosing: true,
  });
  const out: string[] = [];
  collect(document.children, out);
  return out.join('');
}

export function htmlToText(html: string): string {
  let text = html.length > MAX_INPUT_CHARS ? html.slice(0, MAX_INPUT_CHARS) : html;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    text = oneRound(text);
    if (!LOOKS_LIKE_MARKUP.test(text)) break;
  }
  // Whatever still looks like a tag after the last round is removed rather than passed on.
  return text
    .replace(/<\/?[a-z!?][^>]*>?/gi, ' ')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
