import { describe, expect, it } from 'vitest';
import { en } from './catalog.en.ts';
import { vi } from './catalog.vi.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translation catalogs', () => {
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);

  it('have the same keys in Vietnamese and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...viLeaves, ...enLeaves]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of viLeaves)
      expect(placeholders(enLeaves.get(key)!), key).toEqual(placeholders(value));
  });

  it('are actually translated where the languages differ', () => {
    // Brand names and language names may be equal; everything else should not be.
    const sameAllowed = new Set(['app.name', 'language.vi', 'language.en']);
    const untranslated = [...viLeaves].filter(([k, v]) => !sameAllowed.has(k) && enLeaves.get(k) === v);
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });
});
