import { describe, expect, it } from 'vitest';
import { failureBackoffSeconds, nextPollInterval } from './adaptive-interval.ts';

describe('nextPollInterval', () => {
  const bounds = { baseSeconds: 3600, minSeconds: 600, maxSeconds: 86_400 };
  it('halves on new items and grows by half without, within the bounds', () => {
    expect(nextPollInterval({ ...bounds, currentSeconds: 3600, newItems: 3 })).toBe(1800);
    expect(nextPollInterval({ ...bounds, currentSeconds: 3600, newItems: 0 })).toBe(5400);
    expect(nextPollInterval({ ...bounds, currentSeconds: 700, newItems: 1 })).toBe(600);
    expect(nextPollInterval({ ...bounds, currentSeconds: 80_000, newItems: 0 })).toBe(86_400);
  });

  it('never slows a source below its own faster setting', () => {
    expect(nextPollInterval({ ...bounds, baseSeconds: 120, currentSeconds: 200, newItems: 5 })).toBe(120);
  });

  it('backs off exponentially after failures', () => {
    expect(failureBackoffSeconds(600, 1, 86_400)).toBe(1200);
    expect(failureBackoffSeconds(600, 20, 86_400)).toBe(86_400);
  });
});
