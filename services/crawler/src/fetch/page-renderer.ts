import { CHROMIUM_LAUNCH_ARGS } from '@claimwatch/shared/config';
import { AppError } from '@claimwatch/shared/errors';
import { type Browser, chromium } from 'playwright-core';
import type { HttpClient, HttpFetchOptions, HttpResponse } from './http-fetch.ts';
import { PerKeyLimiter, SubresourceCache } from './subresource-cache.ts';

/**
 * Renders pages in the OS Chromium (playwright-core; no browser download). Every request the page makes
 * is served through our guarded HTTP client (route → fetch → fulfill), so the SSRF guard, redirect
 * checks and size limits apply to the browser too, at the connection; only GETs of documents, scripts,
 * styles and XHR/fetch are allowed (no images, media, fonts, websockets), and at most
 * MAX_SUBREQUESTS of them. Politeness inside a render: at most SUBREQUESTS_PER_HOST requests in flight per
 * host (a browser would open six), and scripts and stylesheets come from a shared cache when an earlier
 * render already fetched them.
 */
export type RenderedPage = { html: string; main: HttpResponse };

export type PageRenderer = {
  render(url: string, options: HttpFetchOptions & { renderTimeoutMs: number }): Promise<RenderedPage>;
  close(): Promise<void>;
};

const ALLOWED_TYPES = new Set(['document', 'script', 'xhr', 'fetch', 'stylesheet']);
const MAX_SUBREQUESTS = 150;
export const SUBREQUESTS_PER_HOST = 2;
const CACHEABLE_TYPES = new Set(['script', 'stylesheet']);
const HOP_BY_HOP = /^(content-encoding|content-length|transfer-encoding|connection|keep-alive)$/i;

export function createPageRenderer(
  http: HttpClient,
  chromiumPath: string,
  cache: SubresourceCache = new SubresourceCache(),
): PageRenderer {
  let browser: Promise<Browser> | undefined;
  const perHost = new PerKeyLimiter(SUBREQUESTS_PER_HOST);
  const launch = () => {
    browser ??= chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [...CHROMIUM_LAUNCH_ARGS],
    });
    return browser;
  };

  return {
    async render(url, options) {
      const context = await (await launch()).newContext({
        userAgent: options.userAgent,
        serviceWorkers: 'block',
        acceptDownloads: false,
      });
      try {
        const page = await context.newPage();
        let main: HttpResponse | undefined;
        let mainError: unknown;
        let requests = 0;
        await page.route('**/*', async (route) => {
          const request = route.request();
          const isMain = request.isNavigationRequest() && request.frame() === page.mainFrame();
          if (
            request.method() !== 'GET' ||
            !ALLOWED_TYPES.has(request.resourceType()) ||
            ++requests > MAX_SUBREQUESTS
          ) {
            return route.abort('blockedbyclient');
          }
          try {
            const target = request.url();
            const cacheable = CACHEABLE_TYPES.has(request.resourceType());
            let response = cacheable ? cache.get(target) : undefined;
            if (!response) {
              response = await perHost.run(new URL(target).host, () =>
                http.fetch(target, { ...options, accept: request.headers().accept }),
              );
              if (cacheable) cache.put(target, response);
            }
            if (isMain) main ??= response;
            const headers = Object.fromEntries(
              Object.entries(response.headers).filter(([k]) => !HOP_BY_HOP.test(k)),
            );
            await route.fulfill({ status: response.status, headers, body: response.body });
          } catch (error) {
            if (isMain) mainError ??= error;
            await route.abort('blockedbyclient').catch(() => {});
          }
        });
        try {
          await page.goto(url, { waitUntil: 'load', timeout: options.renderTimeoutMs });
          // Give late scripts a moment; a page that never goes quiet is read as it is.
          await page
            .waitForLoadState('networkidle', { timeout: Math.min(5000, options.renderTimeoutMs) })
            .catch(() => {});
        } catch (error) {
          if (mainError) throw mainError;
          if (!main)
            throw new AppError(
              'fetch_timeout',
              `Render of ${url} failed: ${(error as Error).message.split('\n')[0]}`,
            );
        }
        if (mainError) throw mainError;
        if (!main) throw new AppError('fetch_network', `Render of ${url} got no main document`);
        return { html: await page.content(), main };
      } finally {
        await context.close().catch(() => {});
      }
    },
    async close() {
      if (browser) await (await browser).close().catch(() => {});
      browser = undefined;
    },
  };
}
