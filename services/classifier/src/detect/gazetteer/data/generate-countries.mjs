#!/usr/bin/env node
// Builds countries.json from CLDR region names (Node's ICU, `Intl.DisplayNames`) merged with the
// hand-curated aliases in country-aliases.json. Plain Node ESM, no dependencies, deterministic:
//
//   node services/classifier/src/detect/gazetteer/data/generate-countries.mjs
//
// Re-running it with the same Node (same ICU/CLDR) and the same country-aliases.json gives a
// byte-identical countries.json. See SOURCES.md for what comes from where.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Output language → the CLDR locales whose names it collects (zh: simplified and traditional). */
const LANGS = {
  vi: ['vi'],
  en: ['en'],
  zh: ['zh-Hans', 'zh-Hant'],
  fr: ['fr'],
  ru: ['ru'],
  ko: ['ko'],
  ja: ['ja'],
};
const LANG_CODES = Object.keys(LANGS);

/** The 193 UN member states (ISO 3166-1 alpha-2). */
const UN_MEMBERS = `
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR
GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG
MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH
PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ
TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW`
  .trim()
  .split(/\s+/);
/** UN General Assembly observer states (Holy See, State of Palestine). */
const UN_OBSERVERS = ['VA', 'PS'];
/** Other territories the news treats as actors in their own right (Kosovo: CLDR's user-assigned XK). */
const OTHER_TERRITORIES = ['TW', 'HK', 'MO', 'XK'];

const ALL_IDS = [...new Set([...UN_MEMBERS, ...UN_OBSERVERS, ...OTHER_TERRITORIES])].sort();
if (UN_MEMBERS.length !== 193 || new Set(UN_MEMBERS).size !== 193) {
  throw new Error(`expected 193 UN members, got ${UN_MEMBERS.length} (${new Set(UN_MEMBERS).size} unique)`);
}

const nfc = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const dedup = (list) => {
  const seen = new Set();
  const out = [];
  for (const raw of list) {
    const s = nfc(raw);
    if (s && !seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
};

/**
 * News-usable variants of one CLDR display name. "Myanmar (Burma)" → "Myanmar" (the bracketed
 * alternative is added by hand where it is a news form); Chinese full-width brackets ("刚果（布）")
 * are kept, being how Chinese text writes those names; "Congo - Brazzaville" → "Congo-Brazzaville";
 * "&" → also "and"/"et"; "’" → also "'"; English "St." → also "Saint".
 */
function variantsOf(name, lang) {
  let s = nfc(name);
  if (!s.includes('（')) s = nfc(s.replace(/\s*\([^)]*\)\s*/g, ' '));
  s = s.replace(/\s+-\s+/g, '-');
  const out = [s];
  for (const v of [...out]) {
    if (v.includes('&')) out.push(v.replace(/\s*&\s*/g, lang === 'fr' ? ' et ' : ' and '));
  }
  for (const v of [...out]) if (v.includes('’')) out.push(v.replace(/’/g, "'"));
  if (lang === 'en') for (const v of [...out]) if (/\bSt\. /.test(v)) out.push(v.replace(/\bSt\. /g, 'Saint '));
  return out;
}

function cldrNames(id) {
  const names = {};
  const short = {};
  for (const [lang, locales] of Object.entries(LANGS)) {
    const all = [];
    const shorts = [];
    for (const locale of locales) {
      for (const style of ['long', 'short', 'narrow']) {
        const name = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' }).of(id);
        if (!name || name === id) continue;
        const variants = variantsOf(name, lang);
        all.push(...variants);
        if (style === 'short') shorts.push(variants[0]);
      }
    }
    names[lang] = dedup(all);
    short[lang] = dedup(shorts);
  }
  return { names, short };
}

// --- Grammatical expansions (documented in SOURCES.md) ----------------------------------------

/** French adjective: masculine singular → m/f, singular/plural. Irregular ones are listed. */
const FR_IRREGULAR = {
  grec: ['grec', 'grecque', 'grecs', 'grecques'],
  turc: ['turc', 'turque', 'turcs', 'turques'],
  ouzbek: ['ouzbek', 'ouzbèke', 'ouzbeks', 'ouzbèkes'],
};
function frAdjectiveForms(adj) {
  if (FR_IRREGULAR[adj]) return FR_IRREGULAR[adj];
  // Combining forms ("sino", "franco", "vietnamo": sino-vietnamien) and multi-word phrases stay as given.
  if (adj.includes(' ') || /o$/.test(adj)) return [adj];
  if (/e$/.test(adj)) return [adj, `${adj}s`];
  if (/[sx]$/.test(adj)) return [adj, `${adj}e`, `${adj}es`];
  if (/(ien|éen)$/.test(adj)) return [adj, `${adj}ne`, `${adj}s`, `${adj}nes`];
  return [adj, `${adj}e`, `${adj}s`, `${adj}es`];
}

/** Russian adjective in -кий (китайский, турецкий): all cases, genders and numbers. */
const RU_KIY_ENDINGS = ['ий', 'ая', 'ое', 'ие', 'ого', 'ой', 'ому', 'им', 'их', 'ую', 'ом', 'ими'];
function ruAdjectiveForms(adj) {
  if (/кий$/.test(adj) && !adj.includes(' ')) {
    const stem = adj.slice(0, -2);
    return RU_KIY_ENDINGS.map((e) => stem + e);
  }
  return [adj];
}

/** Demonyms in languages that form them regularly from the short name: 越南人, ベトナム人, 베트남인, người Việt Nam. */
const CJK_COMPOUND = /[\s(（）)]|共和|王国|王國|公国|公國|市国|联邦|聯邦|連邦|合众|合眾|合衆|诸岛|群島|群岛|諸島|제도|공화국|연방|왕국|합중국|시국|領|领|地区|地區|지구|特別|特别|특별/;
function regularDemonyms(short) {
  const out = {};
  const vi = (short.vi ?? []).filter(
    (n) =>
      !/^(Cộng hòa|Vương quốc|Thành|Lãnh thổ|Đặc khu|Quần đảo|Liên bang)\b/u.test(n) &&
      !n.includes('-') &&
      !n.includes(' và ') &&
      n.split(' ').length <= 3,
  );
  if (vi.length) out.vi = vi.map((n) => `người ${n}`);
  for (const [lang, suffix] of [
    ['zh', '人'],
    ['ja', '人'],
    ['ko', '인'],
  ]) {
    const ok = (short[lang] ?? []).filter((n) => !CJK_COMPOUND.test(n) && [...n].length <= 6);
    if (ok.length) out[lang] = ok.map((n) => n + suffix);
  }
  return out;
}

// --- Merge ---------------------------------------------------------------------------------------

const aliasesFile = JSON.parse(readFileSync(path.join(here, 'country-aliases.json'), 'utf8'));
const aliases = aliasesFile.countries;
for (const id of Object.keys(aliases)) {
  if (!ALL_IDS.includes(id)) throw new Error(`country-aliases.json: unknown id ${id}`);
}

const FIELDS = ['names', 'demonyms', 'adjectives', 'capital', 'metonyms'];
const EXTRA_FIELDS = ['ambiguous', 'pair_short_forms'];

function mergeField(...groups) {
  const out = {};
  for (const lang of LANG_CODES) {
    const list = dedup(groups.flatMap((g) => g?.[lang] ?? []));
    if (list.length) out[lang] = list;
  }
  return out;
}

function withoutSurfaces(field, drop) {
  const out = {};
  for (const [lang, list] of Object.entries(field)) {
    const dropped = new Set((drop?.[lang] ?? []).map(nfc));
    const kept = list.filter((s) => !dropped.has(s));
    if (kept.length) out[lang] = kept;
  }
  return out;
}

const countries = ALL_IDS.map((id) => {
  const a = aliases[id] ?? {};
  const { names: cldr, short } = cldrNames(id);
  for (const lang of LANG_CODES) {
    if (!cldr[lang]?.length) throw new Error(`CLDR has no ${lang} name for ${id}`);
  }
  // Names: CLDR first (long, then short), then the hand-added aliases; minus the excluded CLDR forms
  // and minus the ambiguous forms, which are kept apart (see SOURCES.md).
  const drop = mergeField(a.exclude, a.ambiguous);
  const names = withoutSurfaces(mergeField(cldr, a.names), drop);
  const shortKept = withoutSurfaces(mergeField(short, a.short_names), drop);

  const demonyms = withoutSurfaces(mergeField(a.demonyms, regularDemonyms(shortKept)), drop);
  const adjectivesIn = mergeField(
    a.adjectives,
    // English: the first demonym doubles as the adjective unless one is given ("American").
    !a.adjectives?.en && a.demonyms?.en?.length ? { en: [a.demonyms.en[0]] } : undefined,
  );
  const adjectives = {};
  for (const [lang, list] of Object.entries(adjectivesIn)) {
    adjectives[lang] = dedup(
      list.flatMap((adj) =>
        lang === 'fr' ? frAdjectiveForms(adj) : lang === 'ru' ? ruAdjectiveForms(adj) : [adj],
      ),
    );
  }
  // French demonyms are the capitalised adjective forms (Vietnamien, Vietnamiennes) unless given.
  if (!demonyms.fr && adjectives.fr) {
    const fr = adjectives.fr.filter((s) => !/o$/.test(s)).map((s) => s[0].toUpperCase() + s.slice(1));
    if (fr.length) demonyms.fr = dedup(fr);
  }
  const entry = { id, status: statusOf(id), names };
  const fields = {
    demonyms,
    adjectives: withoutSurfaces(adjectives, drop),
    capital: mergeField(a.capital),
    metonyms: withoutSurfaces(mergeField(a.metonyms), drop),
  };
  for (const f of FIELDS.slice(1)) if (Object.keys(fields[f]).length) entry[f] = fields[f];
  for (const f of EXTRA_FIELDS) {
    const merged = mergeField(a[f]);
    if (Object.keys(merged).length) entry[f] = merged;
  }
  if (a.note) entry.note = a.note;
  return entry;
});

function statusOf(id) {
  if (UN_MEMBERS.includes(id)) return 'un_member';
  if (UN_OBSERVERS.includes(id)) return 'un_observer';
  return 'other_territory';
}

const out = {
  _source: `Generated by generate-countries.mjs from CLDR ${process.versions.cldr} (ICU ${process.versions.icu}, Node ${process.version}) + country-aliases.json. Do not edit by hand: edit country-aliases.json and re-run.`,
  countries,
};
writeFileSync(path.join(here, 'countries.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `countries.json: ${countries.length} entries (${UN_MEMBERS.length} UN members, ${UN_OBSERVERS.length} observers, ${OTHER_TERRITORIES.length} other), ${Object.keys(aliases).length} with hand-added aliases`,
);
