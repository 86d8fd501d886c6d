import { describe, expect, it } from 'vitest';
import { flagsLink, sourceHealthLink } from './digest-links.ts';

describe('links behind the digest numbers', () => {
  const period = { from: '2026-11-15T17:00:00.000Z', to: '2026-11-22T17:00:00.000Z' };

  it('opens the flag list filtered by status, language, source and the period', () => {
    const url = new URL(
      flagsLink({ status: 'dismissed', lang: 'vi', source: 'abc', ...period, on: 'decided' }),
      'http://x',
    );
    expect(url.pathname).toBe('/flags');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'dismissed',
      lang: 'vi',
      source: 'abc',
      on: 'decided',
      ...period,
    });
  });

  it('asks for every status when none is named, and leaves out an unknown language', () => {
    const url = new URL(flagsLink({ lang: 'und', ...period }), 'http://x');
    expect(url.searchParams.get('status')).toBe('all');
    expect(url.searchParams.has('lang')).toBe(false);
  });

  it('points sources at their row on the health page', () => {
    expect(sourceHealthLink('s1')).toBe('/sources/health#source-s1');
    expect(sourceHealthLink()).toBe('/sources/health');
  });
});
