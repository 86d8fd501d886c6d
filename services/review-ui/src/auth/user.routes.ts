import { type Db, getUser, recordAuditEvent, type UserRow } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import { z } from 'zod';
import { errorResponses } from '../http/api-error.ts';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { CreateUserBody, ManagedUser, UpdateUserBody, UserParams } from './account.schemas.ts';
import { createUserAccount } from './user-accounts.ts';

export function presentManagedUser(u: UserRow): ManagedUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    roles: u.roles,
    locale: u.locale,
    disabled: u.is_disabled,
    lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
    failedLoginCount: u.failed_login_count,
    totpEnabled: !!u.totp_enabled_at,
    createdAt: u.created_at.toISOString(),
  };
}

const accountState = (u: UserRow) => ({
  roles: u.roles,
  disabled: u.is_disabled,
  displayName: u.display_name,
  lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
});

async function existing(db: Db, id: string): Promise<UserRow> {
  const user = await getUser(db, id);
  if (!user) throw new AppError('not_found', `User ${id} does not exist`);
  return user;
}

/** Admins manage accounts: create, change roles, disable (which ends their sessions), unlock. */
export function registerUserRoutes(api: Api, deps: ApiDeps): void {
  const access = { resource: 'users', action: 'manage' } as const;
  const errors = errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict');

  api.route({
    method: 'GET',
    url: '/users',
    config: { access },
    schema: {
      tags: ['users'],
      summary: 'Every account',
      response: { 200: z.object({ items: z.array(ManagedUser) }), ...errors },
    },
    handler: async () => {
      const rows = (await deps.db.selectFrom('users').selectAll().orderBy('email').execute()) as UserRow[];
      return { items: rows.map(presentManagedUser) };
    },
  });

  api.route({
    method: 'POST',
    url: '/users',
    config: { access },
    schema: {
      tags: ['users'],
      summary: 'Creates an account',
      body: CreateUserBody,
      response: { 201: ManagedUser, ...errors },
    },
    handler: async (request, reply) => {
      const account = await createUserAccount(deps.db, request.body);
      const user = await existing(deps.db, account.id);
      await recordAuditEvent(deps.db, {
        actorUserId: request.auth!.user.id,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        before: null,
        after: { email: user.email, ...accountState(user) },
      });
      return reply.code(201).send(presentManagedUser(user));
    },
  });

  api.route({
    method: 'PATCH',
    url: '/users/:id',
    config: { access },
    schema: {
      tags: ['users'],
      summary: 'Changes roles, the display name or disables an account (disabling ends its sessions)',
      params: UserParams,
      body: UpdateUserBody,
      response: { 200: ManagedUser, ...errors },
    },
    handler: async (request) => {
      const actor = request.auth!.user;
      const { roles, disabled, displayName } = request.body;
      if (request.params.id === actor.id && (disabled === true || (roles && !roles.includes('admin'))))
        throw new AppError('conflict', 'You cannot disable yourself or drop your own admin role');
      const after = await deps.db.transaction().execute(async (trx) => {
        const before = await existing(trx, request.params.id);
        await trx
          .updateTable('users')
          .set({
            ...(roles ? { roles: [...new Set(roles)] } : {}),
            ...(disabled === undefined ? {} : { is_disabled: disabled }),
            ...(displayName ? { display_name: displayName } : {}),
          })
          .where('id', '=', before.id)
          .execute();
        if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', before.id).execute();
        const updated = await existing(trx, before.id);
        await recordAuditEvent(trx, {
          actorUserId: actor.id,
          action: disabled ? 'user.disabled' : 'user.updated',
          entityType: 'user',
          entityId: before.id,
          before: accountState(before),
          after: accountState(updated),
        });
        return updated;
      });
      return presentManagedUser(after);
    },
  });

  api.route({
    method: 'POST',
    url: '/users/:id/unlock',
    config: { access },
    schema: {
      tags: ['users'],
      summary: 'Lifts a login lockout and clears the failure count',
      params: UserParams,
      response: { 200: ManagedUser, ...errors },
    },
    handler: async (request) => {
      const after = await deps.db.transaction().execute(async (trx) => {
        const before = await existing(trx, request.params.id);
        await trx
          .updateTable('users')
          .set({ failed_login_count: 0, locked_until: null })
          .where('id', '=', before.id)
          .execute();
        const updated = await existing(trx, before.id);
        await recordAuditEvent(trx, {
          actorUserId: request.auth!.user.id,
          action: 'user.unlocked',
          entityType: 'user',
          entityId: before.id,
          before: { failedLoginCount: before.failed_login_count, ...accountState(before) },
          after: { failedLoginCount: 0, ...accountState(updated) },
        });
        return updated;
      });
      return presentManagedUser(after);
    },
  });
}
