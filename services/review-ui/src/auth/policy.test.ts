import { roles } from '@claimwatch/shared/domain';
import { describe, expect, it } from 'vitest';
import { isAllowed, type PolicyTable, policy } from './policy.ts';

describe('the review UI policy', () => {
  it('lets every role read flags', () => {
    for (const role of roles)
      expect(isAllowed(policy, [role], { resource: 'flags', action: 'read' }), role).toBe(true);
  });

  it('refuses a user with no roles', () => {
    expect(isAllowed(policy, [], { resource: 'flags', action: 'read' })).toBe(false);
  });
});

describe('isAllowed', () => {
  const table = {
    responses: { draft: ['writer'], approve: ['manager'] },
    users: { manage: ['admin'] },
  } as const satisfies PolicyTable;

  it('allows when any one of the roles is listed for the action', () => {
    expect(isAllowed(table, ['monitor', 'writer'], { resource: 'responses', action: 'draft' })).toBe(true);
    expect(isAllowed(table, ['manager', 'admin'], { resource: 'users', action: 'manage' })).toBe(true);
  });

  it('refuses roles listed only for other actions or resources', () => {
    expect(isAllowed(table, ['writer'], { resource: 'responses', action: 'approve' })).toBe(false);
    expect(isAllowed(table, ['manager'], { resource: 'users', action: 'manage' })).toBe(false);
  });

  it('refuses an action the table does not declare (closed by default)', () => {
    const undeclared = { resource: 'responses', action: 'publish' } as unknown as {
      resource: 'responses';
      action: 'draft';
    };
    expect(isAllowed(table, ['writer', 'manager', 'admin'], undeclared)).toBe(false);
  });
});
