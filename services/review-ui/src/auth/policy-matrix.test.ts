import type { Role } from '@claimwatch/shared/domain';
import { describe, expect, it } from 'vitest';
import { isAllowed, type Permission, policy } from './policy.ts';

/**
 * The role × action matrix, written out by hand: who may do what. Every resource and action declared in
 * policy.ts must appear here (a new one fails the first test until someone decides who may use it), and
 * each cell is checked for single roles and for people holding several.
 */
type Who = 'monitor' | 'writer' | 'manager' | 'admin' | 'monitor+writer' | 'writer+manager' | 'none';
const holders: Record<Who, Role[]> = {
  monitor: ['monitor'],
  writer: ['writer'],
  manager: ['manager'],
  admin: ['admin'],
  'monitor+writer': ['monitor', 'writer'],
  'writer+manager': ['writer', 'manager'],
  none: [],
};
const everyone: Who[] = ['monitor', 'writer', 'manager', 'admin', 'monitor+writer', 'writer+manager'];
const drafters: Who[] = ['writer', 'manager', 'monitor+writer', 'writer+manager'];
const managers: Who[] = ['manager', 'writer+manager'];

const expected: Record<string, Record<string, Who[]>> = {
  flags: { read: everyone },
  triage: {
    read: everyone,
    decide: ['monitor', 'manager', 'admin', 'monitor+writer', 'writer+manager'],
    note: everyone,
  },
  savedFilters: { manage: everyone },
  responses: {
    read: everyone,
    draft: drafters,
    submit: drafters,
    approve: managers,
    publish: managers,
    export: drafters,
  },
  facts: { read: drafters },
  audit: { read: [...managers, 'admin'], export: [...managers, 'admin'] },
  users: { manage: ['admin'] },
  account: { manage: everyone },
  digest: { read: [...managers, 'admin'], build: [...managers, 'admin'], overview: everyone },
};

const declared = Object.entries(policy).flatMap(([resource, actions]) =>
  Object.keys(actions).map((action) => `${resource}.${action}`),
);

describe('the policy matrix (role × action)', () => {
  it('covers exactly the resources and actions policy.ts declares', () => {
    const covered = Object.entries(expected).flatMap(([resource, actions]) =>
      Object.keys(actions).map((action) => `${resource}.${action}`),
    );
    expect(covered.sort()).toEqual(declared.sort());
  });

  const cells = declared.flatMap((key) => {
    const [resource, action] = key.split('.') as [string, string];
    return (Object.keys(holders) as Who[]).map((who) => [key, who, resource, action] as const);
  });

  it.each(cells)('%s for %s', (_key, who, resource, action) => {
    const allowed = expected[resource]?.[action]?.includes(who) ?? false;
    const permission = { resource, action } as unknown as Permission;
    expect(isAllowed(policy, holders[who], permission)).toBe(allowed);
  });
});
