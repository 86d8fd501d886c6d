import { listDigestWeeks } from '@claimwatch/shared/db';
import { errorResponses } from '../http/api-error.ts';
import type { Api, ApiDeps } from '../http/api-types.ts';
import { buildWeeklyDigest, computeLiveOverview, loadWeeklyDigest } from './build-digest.ts';
import type { DigestSettings } from './compute-digest.ts';
import {
  DigestList,
  DigestView,
  LiveQuery,
  LocaleQuery,
  SourceHealthList,
  WeekParams,
} from './digest.schemas.ts';
import { renderDigestCsv } from './digest-csv.ts';
import { renderDigestHtml } from './digest-html.ts';
import { renderPdf } from './digest-pdf.ts';
import { lastCompleteWeek } from './iso-week.ts';
import { loadSourceHealth } from './source-health.ts';

export type DigestServerSettings = DigestSettings & { chromiumPath: string; publicUrl?: string };

export const defaultDigestServerSettings: DigestServerSettings = {
  timezone: 'Asia/Ho_Chi_Minh',
  slaTriageHours: 24,
  slaResponseHours: 72,
  chromiumPath: '/usr/bin/chromium',
};

const read = { resource: 'digest', action: 'read' } as const;
const errors = errorResponses('validation_failed', 'unauthenticated', 'forbidden', 'not_found');

export function registerDigestRoutes(api: Api, deps: ApiDeps, settings: DigestServerSettings): void {
  const tags = ['digest'];
  api.get(
    '/digests',
    {
      config: { access: read },
      schema: { tags, summary: 'Built digests, newest first', response: { 200: DigestList, ...errors } },
    },
    async () => ({
      lastCompleteWeek: lastCompleteWeek(deps.now(), settings.timezone),
      items: (await listDigestWeeks(deps.db)).map((r) => ({
        week: r.week,
        builtAt: new Date(r.built_at).toISOString(),
        deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
      })),
    }),
  );

  api.get(
    '/digests/:week',
    {
      config: { access: read },
      schema: {
        tags,
        summary: "One week's digest",
        params: WeekParams,
        response: { 200: DigestView, ...errors },
      },
    },
    async (request) => loadWeeklyDigest(deps.db, request.params.week),
  );

  api.post(
    '/digests/:week/build',
    {
      config: { access: { resource: 'digest', action: 'build' } },
      schema: {
        tags,
        summary: 'Build (or rebuild) a past week on demand',
        params: WeekParams,
        response: { 200: DigestView, ...errors },
      },
    },
    async (request) => buildWeeklyDigest(deps.db, request.params.week, settings, deps.now()),
  );

  api.get(
    '/digests/:week/export.json',
    {
      config: { access: read },
      schema: { tags, summary: 'The digest as JSON (a download)', params: WeekParams },
    },
    async (request, reply) => {
      const digest = await loadWeeklyDigest(deps.db, request.params.week);
      reply.header('content-disposition', `attachment; filename="claimwatch-digest-${digest.week}.json"`);
      reply.type('application/json; charset=utf-8');
      return JSON.stringify(digest, null, 2);
    },
  );

  api.get(
    '/digests/:week/export.csv',
    {
      config: { access: read },
      schema: { tags, summary: "The digest's tables as CSV", params: WeekParams, querystring: LocaleQuery },
    },
    async (request, reply) => {
      const digest = await loadWeeklyDigest(deps.db, request.params.week);
      reply.header(
        'content-disposition',
        `attachment; filename="claimwatch-digest-${digest.week}-${request.query.locale}.csv"`,
      );
      reply.type('text/csv; charset=utf-8');
      return renderDigestCsv(digest.data, request.query.locale);
    },
  );

  api.get(
    '/digests/:week/export.pdf',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'The digest printed by Chromium',
        params: WeekParams,
        querystring: LocaleQuery,
      },
    },
    async (request, reply) => {
      const digest = await loadWeeklyDigest(deps.db, request.params.week);
      const base = settings.publicUrl ?? `${request.protocol}://${request.host}`;
      const pdf = await renderPdf(renderDigestHtml(digest.data, request.query.locale, base), settings);
      reply.header(
        'content-disposition',
        `attachment; filename="claimwatch-digest-${digest.week}-${request.query.locale}.pdf"`,
      );
      reply.type('application/pdf');
      return reply.send(pdf);
    },
  );

  api.get(
    '/digest/live',
    {
      config: { access: { resource: 'digest', action: 'overview' } },
      schema: { tags, summary: 'Live overview: today or this week so far', querystring: LiveQuery },
    },
    async (request) => computeLiveOverview(deps.db, request.query.range, settings, deps.now()),
  );

  api.get(
    '/digest/sources',
    {
      config: { access: { resource: 'digest', action: 'overview' } },
      schema: { tags, summary: 'Source health', response: { 200: SourceHealthList, ...errors } },
    },
    async () => ({
      items: await loadSourceHealth(deps.db, deps.now(), settings.timezone),
    }),
  );
}
