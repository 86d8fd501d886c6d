import { listFlags } from '@claimwatch/shared/db';
import { errorResponses } from '../http/api-error.ts';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { FlagDetail, FlagListQuery, FlagPage, FlagParams } from './flag.schemas.ts';
import { presentFlagDetail, presentFlagListItem } from './flag-presenter.ts';
import { loadFlagDetail } from './load-flag-detail.ts';

export function registerFlagRoutes(api: Api, deps: ApiDeps): void {
  api.route({
    method: 'GET',
    url: '/flags',
    config: { access: { resource: 'flags', action: 'read' } },
    schema: {
      tags: ['review'],
      summary: 'Flagged claims, highest priority first',
      querystring: FlagListQuery,
      response: { 200: FlagPage, ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    },
    handler: async (request) => {
      const { limit, offset, from, to, model, shadow, shadowFlag, ...filter } = request.query;
      const [modelId, revision] = model ? model.split('@') : [];
      const [shadowId, shadowRevision] = shadow ? shadow.split('@') : [];
      // One row more than asked tells whether there is a next page without counting the table.
      const rows = await listFlags(deps.db, {
        ...filter,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        model: modelId && revision ? { id: modelId, revision } : undefined,
        shadow:
          shadowId && shadowRevision
            ? {
                id: shadowId,
                revision: shadowRevision,
                wouldFlag: shadowFlag === undefined ? undefined : shadowFlag === 'yes',
              }
            : undefined,
        limit: limit + 1,
        offset,
      });
      return {
        items: rows.slice(0, limit).map(presentFlagListItem),
        limit,
        offset,
        hasMore: rows.length > limit,
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/flags/:id',
    config: { access: { resource: 'flags', action: 'read' } },
    schema: {
      tags: ['review'],
      summary: 'One flag with its claim, the article text, the evidence and the models behind it',
      params: FlagParams,
      response: {
        200: FlagDetail,
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found'),
      },
    },
    handler: async (request) => presentFlagDetail(await loadFlagDetail(deps.db, request.params.id)),
  });
}
