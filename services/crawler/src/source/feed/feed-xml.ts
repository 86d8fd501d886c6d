import type { ChildNode, Element } from 'domhandler';
import { getOuterHTML } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * A forgiving XML tree for feeds: htmlparser2 in XML mode never throws, so ill-formed feeds (unclosed
 * tags, stray `&`, undeclared entities, wrong case) still give a tree. Names are compared by local name,
 * case-insensitively, so `dc:date`, `DC:DATE` and `date` in any namespace are one name.
 */
export type XmlElement = Element;

export function parseXml(xml: string): XmlElement[] {
  const document = parseDocument(xml, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
  return document.children.filter((n): n is Element => n.type === 'tag');
}

export const localName = (el: Element) => el.name.replace(/^.*:/, '').toLowerCase();
export const prefixOf = (el: Element) => (el.name.includes(':') ? el.name.split(':')[0]!.toLowerCase() : '');

export function childElements(el: Element): Element[] {
  return el.children.filter((n): n is Element => n.type === 'tag');
}

/** First direct child with one of the names (local names, in preference order), optionally by prefix. */
export function child(el: Element, ...names: string[]): Element | undefined {
  const children = childElements(el);
  for (const name of names) {
    const [prefix, local] = name.includes(':') ? name.split(':') : [undefined, name];
    const found = children.find(
      (c) => localName(c) === local && (prefix === undefined || prefixOf(c) === prefix),
    );
    if (found) return found;
  }
  return undefined;
}

/** Descendants with a local name, not descending into matches (an item never contains items). */
export function findAll(root: Element, name: string, limit: number): Element[] {
  const found: Element[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    if (localName(node) === name) found.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

export function findFirst(root: Element, names: string[]): Element | undefined {
  if (names.includes(localName(root))) return root;
  for (const name of names) {
    const [found] = findAll(root, name, 1);
    if (found) return found;
  }
  return undefined;
}

export function attr(el: Element, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(el.attribs)) {
    if (key.toLowerCase() === lower || key.replace(/^.*:/, '').toLowerCase() === lower) return value;
  }
  return undefined;
}

/**
 * The element's content as an HTML string: text and CDATA as they decode (escaped HTML becomes HTML),
 * child elements (inline XHTML, or unescaped HTML in a sloppy feed) serialised.
 */
export function innerHtml(el: Element): string {
  const parts: string[] = [];
  for (const node of el.children) {
    if (node.type === 'text') parts.push(node.data);
    else if (node.type === 'cdata')
      parts.push(node.children.map((c) => (c.type === 'text' ? c.data : '')).join(''));
    else if (node.type === 'tag') parts.push(getOuterHTML(node, { xmlMode: true, decodeEntities: true }));
  }
  return parts.join('');
}

/** Plain character content (for URLs and dates). */
export function innerText(el: Element): string {
  const parts: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if (node.type === 'cdata' || node.type === 'tag') walk(node.children);
    }
  };
  walk(el.children);
  return parts.join('').trim();
}

/** xml:base in effect for an element (nearest ancestor wins, relative bases resolved outward). */
export function baseUriOf(el: Element, documentBase: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let node: Element | null = el; node; node = node.parent as Element | null) {
    if (node.type !== 'tag') break;
    const base = node.attribs['xml:base'];
    if (base) chain.push(base);
  }
  let resolved = documentBase;
  for (const base of chain.reverse()) {
    try {
      resolved = new URL(base, resolved).href;
    } catch {
      // an unusable base is ignored
    }
  }
  return resolved;
}
