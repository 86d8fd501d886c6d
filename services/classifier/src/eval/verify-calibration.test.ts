import { describe, expect, it } from 'vitest';
import { readStarterReferenceData } from '../verify/verifier.ts';
import { expectedFlags, readCalibrationSet } from './verify-calibration.ts';

describe('the verification calibration set (data/verify-calibration)', () => {
  const { rows } = readCalibrationSet();
  const { facts, narratives } = readStarterReferenceData();
  const known = new Set([...facts.map((f) => f.id), ...narratives.map((n) => n.id)]);

  it('has at least 200 Vietnamese and 150 English sentences, unique ids and texts', () => {
    expect(rows.filter((r) => r.lang === 'vi').length).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => r.lang === 'en').length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
  });

  it('names only references of the starter data, with the reason matching their kind', () => {
    for (const r of rows) {
      for (const e of expectedFlags(r)) {
        expect(known.has(e.reference), `${r.id} ${e.reference}`).toBe(true);
        expect(e.reference.startsWith('nar-'), r.id).toBe(e.reason === 'repeats_known_narrative');
      }
      if (r.about) expect(known.has(r.about), `${r.id} ${r.about}`).toBe(true);
    }
  });

  it('splits by reference: every sentence about one fact or narrative is in the same split', () => {
    const splitOf = new Map<string, Set<string>>();
    for (const r of rows) {
      const primary = r.expect.reference ?? r.about;
      if (!primary) continue;
      splitOf.set(primary, (splitOf.get(primary) ?? new Set()).add(r.split));
    }
    const mixed = [...splitOf].filter(([, splits]) => splits.size > 1).map(([id]) => id);
    expect(mixed).toEqual([]);
    for (const lang of ['vi', 'en'])
      for (const split of ['calibrate', 'holdout'])
        expect(rows.filter((r) => r.lang === lang && r.split === split).length).toBeGreaterThan(50);
  });
});
