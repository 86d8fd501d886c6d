import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazetteer, type Gazetteer, type GazetteerEntry } from './gazetteer.ts';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

type Names = Record<string, string[] | undefined>;
type CountryRecord = { id: string; names: Names; demonyms?: Names; adjectives?: Names; metonyms?: Names };
type OrganisationRecord = { id: string; names: Names };
type TermRecord = { id: string; names?: Names; phrasings?: Names };

const listOf = <T>(file: string, key: string): T[] => {
  const full = path.join(dataDir, file);
  if (!existsSync(full)) return [];
  const parsed = JSON.parse(readFileSync(full, 'utf8')) as T[] | Record<string, T[]>;
  return Array.isArray(parsed) ? parsed : (parsed[key] ?? []);
};

const entriesOf = (
  id: string,
  kind: GazetteerEntry['kind'],
  ...groups: (Names | undefined)[]
): GazetteerEntry[] =>
  groups.flatMap((names) =>
    Object.entries(names ?? {}).flatMap(([lang, surfaces]) =>
      (surfaces ?? []).map((surface) => ({ id, kind, surface, lang })),
    ),
  );

/** Countries, organisations and diplomatic terms in vi/en/zh/fr/ru/ko/ja (see data/SOURCES.md). */
export function loadGazetteerEntries(): GazetteerEntry[] {
  return [
    ...listOf<CountryRecord>('countries.json', 'countries').flatMap((c) =>
      entriesOf(c.id, 'country', c.names, c.demonyms, c.adjectives, c.metonyms),
    ),
    ...listOf<OrganisationRecord>('organisations.json', 'organisations').flatMap((o) =>
      entriesOf(o.id, 'organisation', o.names),
    ),
    ...listOf<TermRecord>('relations.json', 'relations').flatMap((t) =>
      entriesOf(t.id, 'term', t.names, t.phrasings),
    ),
  ];
}

let cached: Gazetteer | undefined;

/** Built once per process (a few thousand surface forms). */
export function defaultGazetteer(): Gazetteer {
  cached ??= buildGazetteer(loadGazetteerEntries());
  return cached;
}
