/**
 * Feed dates (RFC 822 and its sloppy variants, W3C-DTF / ISO 8601, partial dates) → ISO 8601 that keeps the
 * publisher's UTC offset: `Tue, 14 Nov 2017 17:42:01 +0700` → `2017-11-14T17:42:01+07:00`. Keeping the
 * offset keeps the date a Vietnamese reader saw; the instant is the same. A date without a zone is read as
 * UTC (never as the server's local time). Anything unparseable or out of range is null.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  ict: 420,
  cet: 60,
  cest: 120,
  bst: 60,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
};

type Parts = { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number; off: number };

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[a-z]{1,4})?)?)?)?$/i;
const RFC822 =
  /^(?:[a-z]{2,9},?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:([+-]\d{2}:?\d{2}|[+-]\d{1,2}|[a-z]{1,5})(?:\s*\(.*\))?)?$/i;

function zoneMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return minutes > 14 * 60 ? undefined : numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone.toLowerCase()];
}

function fromIso(value: string): Parts | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const off = zoneMinutes(m[8]);
  if (off === undefined) return undefined;
  return {
    y: Number(m[1]),
    mo: Number(m[2] ?? 1),
    d: Number(m[3] ?? 1),
    h: Number(m[4] ?? 0),
    mi: Number(m[5] ?? 0),
    s: Number(m[6] ?? 0),
    ms: Number((m[7] ?? '0').slice(0, 3).padEnd(3, '0')),
    off,
  };
}

function fromRfc822(value: string): Parts | undefined {
  const m = RFC822.exec(value);
  if (!m) return undefined;
  const mo = MONTHS[m[2]!.toLowerCase()];
  const off = zoneMinutes(m[7]);
  if (!mo || off === undefined) return undefined;
  let y = Number(m[3]);
  if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) y += 1900;
  return {
    y,
    mo,
    d: Number(m[1]),
    h: Number(m[4] ?? 0),
    mi: Number(m[5] ?? 0),
    s: Number(m[6] ?? 0),
    ms: 0,
    off,
  };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function format(p: Parts): string | null {
  if (p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > 31 || p.h > 24 || p.mi > 59 || p.s > 60) return null;
  const utc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, Math.min(p.s, 59), p.ms) - p.off * 60_000;
  if (!Number.isFinite(utc)) return null;
  const local = new Date(utc + p.off * 60_000);
  // Day 31 of a 30-day month would roll over: that is not a real date.
  if (p.h < 24 && local.getUTCDate() !== p.d) return null;
  const year = local.getUTCFullYear();
  if (year < 1900 || year > 2200) return null;
  const zone =
    p.off === 0 ? 'Z' : `${p.off < 0 ? '-' : '+'}${pad(Math.trunc(p.off / 60))}:${pad(p.off % 60)}`;
  const ms = local.getUTCMilliseconds();
  return `${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}${zone}`;
}

export function parseFeedDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.replace(/\s+/g, ' ').trim();
  if (!value || value.length > 100) return null;
  const parts = fromIso(value) ?? fromRfc822(value);
  if (parts) return format(parts);
  // Last resort for other spellings; only when the string names a zone, so the server's zone never leaks in.
  const hasZone = /(?:[+-]\d{2}:?\d{2}|\b(?:gmt|utc|z)\b)\s*$/i.test(value);
  const time = Date.parse(hasZone ? value : `${value} UTC`);
  return Number.isNaN(time) ? null : format(fromIso(new Date(time).toISOString()) as Parts);
}
