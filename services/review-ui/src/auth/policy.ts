import type { Role } from '@claimwatch/shared/domain';

/**
 * Who may do what, declared per resource and action. Routes name the permission they need
 * (`config.access`), and a request hook checks it before any handler runs; a route that names none does
 * not start (see access-control.ts).
 */
export const policy = {
  flags: {
    // Everyone with an account reads the queue; deciding and responding come with their own actions.
    read: ['monitor', 'writer', 'manager', 'admin'],
  },
  // triage: everyone reads the queue and writes notes; monitors (and managers, admins) decide and lock.
  triage: {
    read: ['monitor', 'writer', 'manager', 'admin'],
    decide: ['monitor', 'manager', 'admin'],
    note: ['monitor', 'writer', 'manager', 'admin'],
  },
  savedFilters: { manage: ['monitor', 'writer', 'manager', 'admin'] },
  // responses: writers draft, managers approve (never their own: enforced in responses.ts) and publish.
  responses: {
    read: ['monitor', 'writer', 'manager', 'admin'],
    draft: ['writer', 'manager'],
    submit: ['writer', 'manager'],
    approve: ['manager'],
    publish: ['manager'],
    export: ['writer', 'manager'],
  },
  // facts: those who draft responses search the verified facts to cite them (read-only; facts are
  // edited through imports and the reference workflow, never here).
  facts: { read: ['writer', 'manager'] },
  audit: { read: ['manager', 'admin'], export: ['manager', 'admin'] },
  users: { manage: ['admin'] },
  account: { manage: ['monitor', 'writer', 'manager', 'admin'] },
  // digest
  digest: {
    // Managers read and build weekly digests; everyone sees the live overview and source health.
    read: ['manager', 'admin'],
    build: ['manager', 'admin'],
    overview: ['monitor', 'writer', 'manager', 'admin'],
  },
} as const satisfies PolicyTable;

export type PolicyTable = Record<string, Record<string, readonly Role[]>>;

export type Permission<T extends PolicyTable = typeof policy> = {
  [R in keyof T]: { resource: R; action: keyof T[R] };
}[keyof T];

/** What a route requires: anyone (login, the session probe, the API document) or one permission. */
export type Access = 'public' | Permission;

/** A user may act when any one of their roles is listed for the action. */
export function isAllowed<T extends PolicyTable>(
  table: T,
  roles: readonly Role[],
  permission: Permission<T>,
): boolean {
  const allowed = table[permission.resource]?.[permission.action as string] ?? [];
  return roles.some((role) => allowed.includes(role));
}
