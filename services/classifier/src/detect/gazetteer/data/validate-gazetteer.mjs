#!/usr/bin/env node
// Checks the gazetteer data files: JSON parses, ids unique, every language present with non-empty
// lists, every string NFC and trimmed, no duplicates, and reports surface forms that the matcher
// (../gazetteer.ts) would give to two different ids. Plain Node ESM, no dependencies:
//
//   node services/classifier/src/detect/gazetteer/data/validate-gazetteer.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const LANGS = ['vi', 'en', 'zh', 'fr', 'ru', 'ko', 'ja'];
const ORG_KINDS = new Set([
  'regional_organisation',
  'intergovernmental',
  'trade_agreement',
  'forum',
  'military_alliance',
  'un_body',
  'financial',
  'convention',
]);
const errors = [];
const warnings = [];
const err = (m) => errors.push(m);

const load = (file) => {
  try {
    return JSON.parse(readFileSync(path.join(here, file), 'utf8'));
  } catch (e) {
    err(`${file}: ${e.message}`);
    return undefined;
  }
};

/** Every string anywhere in a JSON value must be NFC and trimmed. */
function walkStrings(value, where) {
  if (typeof value === 'string') {
    if (value !== value.normalize('NFC')) err(`${where}: not NFC: ${JSON.stringify(value)}`);
    if (value !== value.trim() || /\s{2,}/.test(value)) err(`${where}: stray whitespace: ${JSON.stringify(value)}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, `${where}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkStrings(v, `${where}.${k}`);
}

function checkNames(names, where, { allLangs = false, min = 1, max = Number.POSITIVE_INFINITY } = {}) {
  if (!names || typeof names !== 'object') return err(`${where}: missing`);
  for (const lang of Object.keys(names)) if (!LANGS.includes(lang)) err(`${where}: unknown language ${lang}`);
  for (const lang of allLangs ? LANGS : Object.keys(names)) {
    const list = names[lang];
    if (!Array.isArray(list) || list.length === 0) {
      err(`${where}.${lang}: empty or missing`);
      continue;
    }
    if (list.length < min || list.length > max) err(`${where}.${lang}: ${list.length} entries (want ${min}–${max})`);
    if (new Set(list).size !== list.length) err(`${where}.${lang}: duplicate entries`);
    for (const s of list) if (typeof s !== 'string' || !s.trim()) err(`${where}.${lang}: empty string`);
  }
}

const countriesFile = load('countries.json');
const aliasesFile = load('country-aliases.json');
const orgsFile = load('organisations.json');
const relFile = load('relations.json');
const stopFile = load('stop-phrases.json');
for (const [f, v] of Object.entries({ countriesFile, aliasesFile, orgsFile, relFile, stopFile })) if (v) walkStrings(v, f);

const countries = countriesFile?.countries ?? [];
const orgs = orgsFile?.organisations ?? [];
const terms = relFile?.relations ?? [];

const allIds = new Map();
const registerId = (id, file) => {
  if (allIds.has(id)) err(`id ${id} in ${file} also in ${allIds.get(id)}`);
  allIds.set(id, file);
};

for (const c of countries) {
  registerId(c.id, 'countries.json');
  if (!/^[A-Z]{2}$/.test(c.id)) err(`countries.json ${c.id}: not an alpha-2 code`);
  checkNames(c.names, `countries.json ${c.id}.names`, { allLangs: true });
  for (const f of ['demonyms', 'adjectives', 'capital', 'metonyms', 'ambiguous', 'pair_short_forms'])
    if (c[f]) checkNames(c[f], `countries.json ${c.id}.${f}`);
}
for (const o of orgs) {
  registerId(o.id, 'organisations.json');
  if (!ORG_KINDS.has(o.kind)) err(`organisations.json ${o.id}: unknown kind ${o.kind}`);
  checkNames(o.names, `organisations.json ${o.id}.names`, { allLangs: true });
  if (o.part_of && !orgs.some((p) => p.id === o.part_of)) err(`organisations.json ${o.id}: part_of ${o.part_of} unknown`);
}
for (const t of terms) {
  registerId(t.id, 'relations.json');
  if (!/^[a-z][a-z0-9_]*$/.test(t.id)) err(`relations.json ${t.id}: id not snake_case`);
  checkNames(t.phrasings, `relations.json ${t.id}.phrasings`, { allLangs: true, min: 2, max: 8 });
}
if (countries.length < 199) err(`countries.json: ${countries.length} entries, want ≥ 199`);
if (orgs.length < 40) err(`organisations.json: ${orgs.length} entries, want ≥ 40`);
if (terms.length < 40) err(`relations.json: ${terms.length} entries, want ≥ 40`);

// --- What the matcher loads, keyed the way gazetteer.ts keys it -------------------------------------
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const fold = (text) => {
  let out = '';
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
};
function keysOf(surface) {
  if (CJK.test(surface)) return [`J:${surface}`];
  const isAcronym = surface === surface.toUpperCase() && /\p{Lu}/u.test(surface);
  const words = surface.split(/\s+/);
  if (isAcronym || (words.length === 1 && [...surface].length <= 4)) return [`E:${surface}`];
  const keys = [`C:${surface.toLowerCase()}`];
  if (surface.includes(' ')) keys.push(`F:${fold(surface)}`);
  return keys;
}
const loaded = [];
const push = (id, kind, groups) => {
  for (const g of groups)
    for (const [lang, list] of Object.entries(g ?? {})) for (const s of list ?? []) loaded.push({ id, kind, lang, s });
};
for (const c of countries) push(c.id, 'country', [c.names, c.demonyms, c.adjectives, c.metonyms]);
for (const o of orgs) push(o.id, 'organisation', [o.names]);
for (const t of terms) push(t.id, 'term', [t.names, t.phrasings]);

const owners = new Map();
for (const e of loaded) {
  if (CJK.test(e.s) && [...e.s].length < 2) err(`${e.id}: single-character CJK surface ${e.s} would match everywhere`);
  for (const k of keysOf(e.s)) {
    const set = owners.get(k) ?? new Set();
    set.add(e.id);
    owners.set(k, set);
  }
}
const collisions = [...owners].filter(([, ids]) => ids.size > 1);
for (const [k, ids] of collisions) warnings.push(`surface ${k} → ${[...ids].join(', ')} (first loaded wins)`);

// Ambiguous forms must not also be loaded.
for (const c of countries)
  for (const [lang, list] of Object.entries(c.ambiguous ?? {}))
    for (const s of list)
      if (loaded.some((e) => e.id === c.id && e.s === s)) err(`${c.id}: ambiguous ${lang} ${s} is also loaded`);

const perLang = Object.fromEntries(LANGS.map((l) => [l, loaded.filter((e) => e.lang === l).length]));
console.log(
  `countries ${countries.length}, organisations ${orgs.length}, relation terms ${terms.length}; ` +
    `${loaded.length} loaded surface forms (${owners.size} distinct match keys); per language ${JSON.stringify(perLang)}`,
);
for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.error(`error: ${e}`);
console.log(errors.length ? `${errors.length} error(s)` : 'ok');
process.exit(errors.length ? 1 : 0);
