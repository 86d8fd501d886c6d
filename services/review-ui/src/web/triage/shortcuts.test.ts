import { describe, expect, it } from 'vitest';
import { commandOf, rangeIds } from './shortcuts.ts';

describe('the triage keyboard map', () => {
  it.each([
    [{ key: 'j' }, 'down'],
    [{ key: 'k' }, 'up'],
    [{ key: 'Enter' }, 'open'],
    [{ key: 'x' }, 'toggleSelect'],
    [{ key: 'X', shiftKey: true }, 'selectRange'],
    [{ key: 'c' }, 'confirm'],
    [{ key: 'd' }, 'dismiss'],
    [{ key: 'e' }, 'escalate'],
    [{ key: 'a' }, 'assignToMe'],
    [{ key: 'u' }, 'undo'],
    [{ key: 'z', ctrlKey: true }, 'undo'],
    [{ key: 'Z', metaKey: true, shiftKey: true }, 'undo'],
    [{ key: '?' }, 'help'],
  ] as const)('%o → %s', (event, command) => {
    expect(commandOf(event)).toBe(command);
  });

  it('leaves browser shortcuts and unknown keys alone', () => {
    expect(commandOf({ key: 'c', ctrlKey: true })).toBeUndefined();
    expect(commandOf({ key: 'j', altKey: true })).toBeUndefined();
    expect(commandOf({ key: 'q' })).toBeUndefined();
  });
});

describe('rangeIds', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  it('selects from the anchor to the focus in either direction, inclusive', () => {
    expect(rangeIds(ids, 1, 3)).toEqual(['b', 'c', 'd']);
    expect(rangeIds(ids, 3, 1)).toEqual(['b', 'c', 'd']);
    expect(rangeIds(ids, 2, 2)).toEqual(['c']);
  });
  it('clamps to the list', () => {
    expect(rangeIds(ids, -1, 9)).toEqual(ids);
  });
});
