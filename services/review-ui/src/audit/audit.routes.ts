import { z } from 'zod';
import { errorResponses } from '../http/api-error.ts';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { AuditExportQuery, AuditPage, AuditQuery } from './audit.schemas.ts';
import { EXPORT_MAX_ROWS, searchAuditEvents, toCsv } from './audit-log.ts';

export function registerAuditRoutes(api: Api, deps: ApiDeps): void {
  api.route({
    method: 'GET',
    url: '/audit',
    config: { access: { resource: 'audit', action: 'read' } },
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first, filtered by entity, actor, action and time',
      querystring: AuditQuery,
      response: { 200: AuditPage, ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    },
    handler: async (request) => {
      const { limit, offset, ...filter } = request.query;
      const rows = await searchAuditEvents(deps.db, filter, { limit: limit + 1, offset });
      return { items: rows.slice(0, limit), limit, offset, hasMore: rows.length > limit };
    },
  });

  api.route({
    method: 'GET',
    url: '/audit/export',
    config: { access: { resource: 'audit', action: 'export' } },
    schema: {
      tags: ['audit'],
      summary: `Downloads the filtered audit log as CSV or JSON (at most ${EXPORT_MAX_ROWS} events)`,
      querystring: AuditExportQuery,
      produces: ['text/csv', 'application/json'],
      response: { 200: z.string(), ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const events = await searchAuditEvents(deps.db, filter, { limit: EXPORT_MAX_ROWS, offset: 0 });
      const stamp = deps.now().toISOString().slice(0, 10);
      reply
        .header(
          'content-type',
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="audit-${stamp}.${format}"`);
      return format === 'csv' ? toCsv(events) : `${JSON.stringify(events, null, 2)}\n`;
    },
  });
}
