/**
 * Text as blocks (paragraphs, headings, list items), with how much of each block is link text: the unit
 * that boilerplate filters and the final text work with.
 */
export type TextBlock = { text: string; tag: string; linkChars: number };

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'br',
  'hr',
  'address',
  'details',
  'summary',
  'center',
  'form',
  'fieldset',
  'caption',
]);

export function blocksOf(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let text = '';
  let linkChars = 0;
  let tag = 'p';
  const flush = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) blocks.push({ text: clean, tag, linkChars: Math.min(linkChars, clean.length) });
    text = '';
    linkChars = 0;
    tag = 'p';
  };
  const walk = (node: Node, inLink: boolean) => {
    if (node.nodeType === 3) {
      const data = node.nodeValue ?? '';
      text += data;
      if (inLink) linkChars += data.trim().length;
      return;
    }
    if (node.nodeType !== 1) return;
    const name = (node as Element).localName;
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) {
      flush();
      tag = name;
    }
    for (const child of node.childNodes) walk(child, inLink || name === 'a');
    if (isBlock) flush();
  };
  walk(root, false);
  flush();
  return blocks;
}

export function blocksToText(blocks: TextBlock[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

/** Readability's textContent keeps layout whitespace; keep paragraphs, collapse the rest. */
export function normaliseParagraphs(text: string): string {
  return text
    .split(/\n\s*\n|\n(?=\s{2,})/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
