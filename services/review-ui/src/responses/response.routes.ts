import type { JsonValue } from '@claimwatch/shared/db';
import type { ResponseStatus, ResponseTemplate, VerdictLabel } from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';
import { z } from 'zod';
import { errorResponses } from '../http/api-error.ts';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { toClaimReviewJsonLd, toHtml, toMarkdown } from './export.ts';
import { searchVerifiedFacts } from './fact-search.ts';
import {
  CitationCheck,
  CreateResponseBody,
  ExportQuery,
  FactPage,
  FactSearchQuery,
  ResponseDetail,
  ResponseListQuery,
  ResponsePage,
  ResponseParams,
  ResponseVersion,
  SOCIAL_REPLY_MAX_LENGTH,
  UpdateResponseBody,
} from './response.schemas.ts';
import {
  approveResponse,
  createResponse,
  type LoadedResponse,
  listResponses,
  listResponseVersions,
  loadResponse,
  publishResponse,
  runCitationCheck,
  submitResponse,
  updateResponse,
} from './responses.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (id: string | null, people: Map<string, string>) =>
  id ? { id, displayName: people.get(id) ?? '' } : null;

export function presentResponse(loaded: LoadedResponse): ResponseDetail {
  const r = loaded.response;
  return {
    id: r.id,
    template: r.template,
    verdictLabel: r.verdict_label,
    status: r.status,
    version: r.version,
    textVi: r.text_vi,
    textEn: r.text_en,
    textViUpdatedAt: iso(r.text_vi_updated_at),
    textEnUpdatedAt: iso(r.text_en_updated_at),
    lengthLimit: r.template === 'social_reply' ? SOCIAL_REPLY_MAX_LENGTH : null,
    claims: loaded.claims.map((c) => ({
      flagId: c.flagId,
      claimText: c.text,
      documentTitle: c.documentTitle,
      documentUrl: c.documentUrl,
      publishedAt: iso(c.publishedAt),
    })),
    citations: loaded.citations.map((c) => ({
      kind: c.kind as 'verified_fact' | 'source',
      factId: c.fact_id,
      url: c.url,
      title: c.title,
      quote: c.quote,
      factText: (c.fact_id && loaded.factTexts.get(c.fact_id)) || null,
    })),
    createdBy: person(r.created_by, loaded.people),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    submittedAt: iso(r.submitted_at),
    approvedBy: person(r.approved_by, loaded.people),
    approvedAt: iso(r.approved_at),
    approvedVersion: r.approved_version,
    publishedAt: iso(r.published_at),
    alignment: loaded.alignment,
  };
}

const contentTypes = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
} as const;
const extensions = { md: 'md', html: 'html', jsonld: 'jsonld' } as const;

export function registerResponseRoutes(api: Api, deps: ApiDeps): void {
  const rdeps = { db: deps.db, now: deps.now };
  const detail = async (id: string) => presentResponse(await loadResponse(deps.db, id));
  const readErrors = errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found');
  const writeErrors = errorResponses(
    'validation_failed',
    'unauthenticated',
    'forbidden',
    'not_found',
    'conflict',
  );

  api.route({
    method: 'GET',
    url: '/responses',
    config: { access: { resource: 'responses', action: 'read' } },
    schema: {
      tags: ['responses'],
      summary: 'Responses, most recently changed first',
      querystring: ResponseListQuery,
      response: { 200: ResponsePage, ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    },
    handler: async (request) => {
      const { limit, offset, status } = request.query;
      const rows = await listResponses(deps.db, { status, limit: limit + 1, offset });
      return {
        items: rows.slice(0, limit).map((r) => ({
          id: r.id,
          template: r.template as ResponseTemplate,
          verdictLabel: r.verdict_label as VerdictLabel,
          status: r.status as ResponseStatus,
          version: r.version,
          title: r.title ?? '',
          createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
          updatedAt: r.updated_at.toISOString(),
        })),
        limit,
        offset,
        hasMore: rows.length > limit,
      };
    },
  });

  api.route({
    method: 'POST',
    url: '/responses',
    config: { access: { resource: 'responses', action: 'draft' } },
    schema: {
      tags: ['responses'],
      summary:
        'Drafts a response to one or more flags from a template, prefilled from the claim and the matched facts',
      body: CreateResponseBody,
      response: { 201: ResponseDetail, ...writeErrors },
    },
    handler: async (request, reply) => {
      const id = await createResponse(rdeps, request.auth!.user, request.body);
      return reply.code(201).send(await detail(id));
    },
  });

  api.route({
    method: 'GET',
    url: '/responses/:id',
    config: { access: { resource: 'responses', action: 'read' } },
    schema: {
      tags: ['responses'],
      summary: 'One response with its claims, citations and the language alignment warning',
      params: ResponseParams,
      response: { 200: ResponseDetail, ...readErrors },
    },
    handler: async (request) => detail(request.params.id),
  });

  api.route({
    method: 'PUT',
    url: '/responses/:id',
    config: { access: { resource: 'responses', action: 'draft' } },
    schema: {
      tags: ['responses'],
      summary: 'Saves an edit as a new version (a response in review or approved goes back to draft)',
      params: ResponseParams,
      body: UpdateResponseBody,
      response: { 200: ResponseDetail, ...writeErrors },
    },
    handler: async (request) => {
      await updateResponse(rdeps, request.auth!.user, request.params.id, request.body);
      return detail(request.params.id);
    },
  });

  api.route({
    method: 'GET',
    url: '/responses/:id/versions',
    config: { access: { resource: 'responses', action: 'read' } },
    schema: {
      tags: ['responses'],
      summary: 'Every saved version, newest first',
      params: ResponseParams,
      response: { 200: z.object({ items: z.array(ResponseVersion) }), ...readErrors },
    },
    handler: async (request) => {
      const rows = await listResponseVersions(deps.db, request.params.id);
      return {
        items: rows.map((v) => {
          const snap = (typeof v.snapshot === 'string' ? JSON.parse(v.snapshot) : v.snapshot) as {
            verdictLabel: VerdictLabel;
            textVi: string;
            textEn: string;
            citations: JsonValue[];
          };
          return {
            version: v.version,
            status: v.status as ResponseStatus,
            changedBy: v.changed_by ? { id: v.changed_by, displayName: v.display_name ?? '' } : null,
            changedAt: v.changed_at.toISOString(),
            verdictLabel: snap.verdictLabel,
            textVi: snap.textVi,
            textEn: snap.textEn,
            citations: snap.citations,
          };
        }),
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/responses/:id/citation-check',
    config: { access: { resource: 'responses', action: 'read' } },
    schema: {
      tags: ['responses'],
      summary: 'Runs the citation check approval requires: snapshots archived, quotes found, facts active',
      params: ResponseParams,
      response: { 200: CitationCheck, ...readErrors },
    },
    handler: async (request) => runCitationCheck(deps.db, request.params.id),
  });

  for (const [step, action, run] of [
    ['submit', 'submit', submitResponse],
    ['approve', 'approve', approveResponse],
    ['publish', 'publish', publishResponse],
  ] as const)
    api.route({
      method: 'POST',
      url: `/responses/:id/${step}`,
      config: { access: { resource: 'responses', action } },
      schema: {
        tags: ['responses'],
        summary:
          step === 'submit'
            ? 'Submits a draft for review'
            : step === 'approve'
              ? 'Approves a response in review (not by its author; the citation check must pass)'
              : 'Marks an approved response published (it is exported, never posted by the system)',
        params: ResponseParams,
        response: { 200: ResponseDetail, ...writeErrors },
      },
      handler: async (request) => {
        await run(rdeps, request.auth!.user, request.params.id);
        return detail(request.params.id);
      },
    });

  api.route({
    method: 'GET',
    url: '/facts',
    config: { access: { resource: 'facts', action: 'read' } },
    schema: {
      tags: ['responses'],
      summary: 'Active verified facts a response may cite, searched by id or text (read-only)',
      querystring: FactSearchQuery,
      response: { 200: FactPage, ...errorResponses('validation_failed', 'unauthenticated', 'forbidden') },
    },
    handler: async (request) => searchVerifiedFacts(deps.db, request.query),
  });

  api.route({
    method: 'GET',
    url: '/responses/:id/export',
    config: { access: { resource: 'responses', action: 'export' } },
    schema: {
      tags: ['responses'],
      summary: 'Downloads an approved or published response as Markdown, HTML or ClaimReview JSON-LD',
      params: ResponseParams,
      querystring: ExportQuery,
      produces: Object.values(contentTypes),
      response: {
        200: z.string(),
        ...errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict'),
      },
    },
    handler: async (request, reply) => {
      const loaded = await loadResponse(deps.db, request.params.id);
      if (loaded.response.status !== 'approved' && loaded.response.status !== 'published')
        throw new AppError('conflict', 'Only an approved or published response can be exported');
      const { format, lang } = request.query;
      const body =
        format === 'md'
          ? toMarkdown(loaded, lang)
          : format === 'html'
            ? toHtml(loaded, lang)
            : `${JSON.stringify(toClaimReviewJsonLd(loaded, lang), null, 2)}\n`;
      reply
        .header('content-type', contentTypes[format])
        .header(
          'content-disposition',
          `attachment; filename="response-${loaded.response.id.slice(0, 8)}-v${loaded.response.version}-${lang}.${extensions[format]}"`,
        )
        .header('x-content-type-options', 'nosniff');
      return body;
    },
  });
}
