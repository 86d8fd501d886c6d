import { registerAuditRoutes } from '../audit/audit.routes.ts';
import { registerAccountRoutes } from '../auth/account.routes.ts';
import { registerUserRoutes } from '../auth/user.routes.ts';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { registerResponseRoutes } from './response.routes.ts';

/** Responses, the audit log, account security and user management: registered with one line. */
export function registerRespondRoutes(api: Api, deps: ApiDeps): void {
  registerResponseRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerAccountRoutes(api, deps);
  registerUserRoutes(api, deps);
}
