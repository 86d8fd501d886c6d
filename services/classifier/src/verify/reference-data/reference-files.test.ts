import { describe, expect, it } from 'vitest';
import { fixtureFacts, fixtureFactsFile, fixtureNarrativesFile } from '../testing/reference-fixtures.ts';
import { parseFactsFile, parseNarrativesFile } from './reference-files.ts';

const withFacts = (facts: unknown[]) => JSON.stringify({ facts });

describe('parseFactsFile', () => {
  it('reads the starter layout', () => {
    const parsed = parseFactsFile('facts.json', fixtureFactsFile());
    expect(parsed.records).toHaveLength(fixtureFacts.length);
    expect(parsed.status).toBe('test fixture');
    expect(parsed.records[0]?.structured.date).toBe('1992-12-22');
  });

  it.each([
    [
      { ...fixtureFacts[0], sources: [] },
      /fact #1 \(vn-kr-diplomatic-relations\) field sources: a fact needs at least one source/,
    ],
    [
      { ...fixtureFacts[0], structured: { ...fixtureFacts[0]!.structured, date: '22/12/1992' } },
      /field structured\.date: expected YYYY, YYYY-MM or YYYY-MM-DD/,
    ],
    [{ ...fixtureFacts[0], kind: 'rumour' }, /field kind/],
    [{ ...fixtureFacts[0], id: 'Not An Id' }, /field id: expected a kebab-case id/],
    [
      { ...fixtureFacts[7], structured: { ...fixtureFacts[7]!.structured, quantity: null } },
      /field structured\.quantity: a figure needs a quantity/,
    ],
    [{ ...fixtureFacts[0], text: { vi: '', en: 'x' } }, /field text\.vi/],
  ])('names the record and field of an invalid fact (%#)', (bad, message) => {
    expect(() => parseFactsFile('facts.json', withFacts([bad]))).toThrow(message);
  });

  it('refuses duplicate ids and non-JSON', () => {
    expect(() => parseFactsFile('facts.json', withFacts([fixtureFacts[0], fixtureFacts[0]]))).toThrow(
      /fact #2 \(vn-kr-diplomatic-relations\): duplicate id/,
    );
    expect(() => parseFactsFile('facts.json', '{')).toThrow(/facts\.json: not JSON/);
    expect(() => parseFactsFile('facts.json', '{"items": []}')).toThrow(/field facts/);
  });
});

describe('parseNarrativesFile', () => {
  const known = new Set(fixtureFacts.map((f) => f.id));

  it('reads narratives whose refuting facts exist', () => {
    const parsed = parseNarrativesFile('n.json', fixtureNarrativesFile(), known);
    expect(parsed.records.map((n) => n.id)).toEqual([
      'nar-vn-joined-military-alliance',
      'nar-vn-full-member-brics',
    ]);
  });

  it('refuses a narrative citing an unknown fact', () => {
    expect(() =>
      parseNarrativesFile('n.json', fixtureNarrativesFile(), new Set(['vn-defence-four-nos'])),
    ).toThrow(/narrative nar-vn-full-member-brics field refutedBy: unknown fact id vn-brics-partner-country/);
  });
});
