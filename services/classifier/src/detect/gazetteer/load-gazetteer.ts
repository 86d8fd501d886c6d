import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazetteer, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

type Names = Record<string, string[] | undefined>;
type CountryRecord = { id: string; names: Names; demonyms?: Names; adjectives?: Names; metonyms?: Names };
type OrganisationRecord = { id: string; kind?: string; names: Names };
type TermRecord = { id: string; category?: string; names?: Names; phrasings?: Names };

const listOf = <T>(dir: string, file: string, key: string): T[] => {
  const full = path.join(dir, file);
  if (!existsSync(full)) return [];
  const parsed = JSON.parse(readFileSync(full, 'utf8')) as T[] | Record<string, T[]>;
  return Array.isArray(parsed) ? parsed : (parsed[key] ?? []);
};

const entriesOf = (
  id: string,
  kind: GazetteerEntry['kind'],
  category: string | undefined,
  ...groups: (Names | undefined)[]
): GazetteerEntry[] =>
  groups.flatMap((names) =>
    Object.entries(names ?? {}).flatMap(([lang, surfaces]) =>
      (surfaces ?? []).map((surface) => ({ id, kind, surface, lang, ...(category ? { category } : {}) })),
    ),
  );

/** Countries, organisations and diplomatic terms in vi/en/zh/fr/ru/ko/ja (see data/SOURCES.md). */
export function loadGazetteerEntries(dir = dataDir): GazetteerEntry[] {
  return [
    ...listOf<CountryRecord>(dir, 'countries.json', 'countries').flatMap((c) =>
      entriesOf(c.id, 'country', undefined, c.names, c.demonyms, c.adjectives, c.metonyms),
    ),
    ...listOf<OrganisationRecord>(dir, 'organisations.json', 'organisations').flatMap((o) =>
      entriesOf(o.id, 'organisation', o.kind, o.names),
    ),
    ...listOf<TermRecord>(dir, 'relations.json', 'relations').flatMap((t) =>
      entriesOf(t.id, 'term', t.category, t.names, t.phrasings),
    ),
  ];
}

/** Phrases containing a name that do not mean it ("Lào Cai", "tiếng Anh"), every language together. */
export function loadStopPhrases(dir = dataDir): string[] {
  const full = path.join(dir, 'stop-phrases.json');
  if (!existsSync(full)) return [];
  const parsed = JSON.parse(readFileSync(full, 'utf8')) as { stop_phrases?: Names };
  return Object.values(parsed.stop_phrases ?? {}).flatMap((list) => list ?? []);
}

let cached: Gazetteer | undefined;

/** Built once per process (a few thousand surface forms). */
export function defaultGazetteer(): Gazetteer {
  cached ??= buildGazetteer(loadGazetteerEntries(), loadStopPhrases());
  return cached;
}
