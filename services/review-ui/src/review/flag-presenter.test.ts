import { describe, expect, it } from 'vitest';
import { presentEvidence, presentModels } from './flag-presenter.ts';

describe('presentEvidence', () => {
  it('reads the fields the classifier writes', () => {
    expect(
      presentEvidence({
        sentence: 'S',
        start: 0,
        end: 1,
        matches: [{ fact: 'F', score: 0.9 }],
        thresholds: { checkworthiness: 0.6 },
        explanation: { vi: 'Giải thích', en: 'Explanation' },
        calibration: { calibrated: false, section: 'vi', mismatched: ['cw@2 (calibrated for cw@1)', 3] },
      }),
    ).toEqual({
      sentence: 'S',
      explanation: { vi: 'Giải thích', en: 'Explanation' },
      thresholds: { checkworthiness: 0.6 },
      matches: [{ fact: 'F', score: 0.9 }],
      calibration: { calibrated: false, section: 'vi', mismatched: ['cw@2 (calibrated for cw@1)'] },
    });
  });

  it('tolerates evidence of another shape instead of failing the whole answer', () => {
    const empty = {
      sentence: null,
      explanation: { vi: null, en: null },
      thresholds: {},
      matches: [],
      calibration: null,
    };
    expect(presentEvidence(null)).toEqual(empty);
    expect(presentEvidence(['a list'])).toEqual(empty);
    expect(
      presentEvidence({
        sentence: 3,
        explanation: 'text',
        thresholds: { a: 'x', b: 0.5 },
        matches: {},
        calibration: { calibrated: 'yes' },
      }),
    ).toEqual({
      ...empty,
      thresholds: { b: 0.5 },
    });
  });
});

describe('presentModels', () => {
  it('keeps well-formed model references only', () => {
    expect(
      presentModels([{ id: 'm', revision: '2' }, { revision: '1' }, 'x', { id: 'n', revision: 3 }]),
    ).toEqual([
      { id: 'm', revision: '2' },
      { id: 'n', revision: '3' },
    ]);
    expect(presentModels({ id: 'm' })).toEqual([]);
  });
});
