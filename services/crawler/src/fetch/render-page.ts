import { type Db, getPage } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import type { PageRenderer } from './page-renderer.ts';
import { type FetchDeps, hostGapFor, httpOptions } from './polite-fetch.ts';
import { recordFetchFailure, storeSnapshot } from './record-fetch-outcome.ts';

export type RenderPageDeps = FetchDeps & { db: Db; renderer: PageRenderer };

export type RenderPageResult =
  | { outcome: 'stored'; pageId: string; snapshotId: string }
  | { outcome: 'skipped'; pageId: string; reason: string };

/**
 * Renders one page in Chromium (robots.txt and the host's politeness slot apply as for a fetch) and
 * stores the rendered HTML as its snapshot, with the main document's status and headers.
 */
export async function renderPage(deps: RenderPageDeps, pageId: string): Promise<RenderPageResult> {
  const page = await getPage(deps.db, pageId);
  if (!page) throw new AppError('not_found', `Page ${pageId} does not exist`);
  const started = new Date();
  try {
    const url = new URL(page.url);
    const decision = await deps.robots.check(url.href);
    if (!decision.isAllowed)
      throw new AppError('fetch_blocked_by_robots', `robots.txt disallows ${url.href}`);
    const gap = hostGapFor(deps.config, url, decision.crawlDelayMs);
    const rendered = await deps.politeness.withHostSlot(url.host, gap, () =>
      deps.renderer.render(url.href, {
        ...httpOptions(deps.config),
        renderTimeoutMs: deps.config.renderTimeoutMs,
      }),
    );
    if (rendered.main.status >= 400) {
      throw new AppError(
        rendered.main.status >= 500 ? 'fetch_http_server_error' : 'fetch_http_client_error',
        `HTTP ${rendered.main.status} from ${rendered.main.url}`,
      );
    }
    const snapshotId = await storeSnapshot(deps.db, page, started, {
      url: rendered.main.url,
      status: rendered.main.status,
      headers: rendered.main.headers,
      contentType: 'text/html; charset=utf-8',
      body: Buffer.from(rendered.html, 'utf8'),
      durationMs: Date.now() - started.getTime(),
      reason: 'rendered in Chromium',
    });
    return { outcome: 'stored', pageId, snapshotId };
  } catch (thrown) {
    const error = await recordFetchFailure(deps.db, page, started, thrown);
    if (!error) return { outcome: 'skipped', pageId, reason: 'robots.txt disallows it' };
    throw error;
  }
}
