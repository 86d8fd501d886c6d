import type { ReviewUiConfig } from '@claimwatch/shared/config';
import { type Db, deleteExpiredSessions } from '@claimwatch/shared/db';
import type { Logger } from '@claimwatch/shared/logging';
import { loadSessionSecret } from './auth/session-secret.ts';
import type { DigestServerSettings } from './digest/digest.routes.ts';
import { createReviewServer } from './http/create-server.ts';
import { ensureWebUi } from './http/web-build.ts';
import type { TriageDeps } from './triage/triage.routes.ts';

export type ReviewUiDeps = {
  db: Db;
  config: ReviewUiConfig;
  logger: Logger;
  dataDir: string;
  /** Triage locks, undo and the live counter; the same Redis as the queues. */
  redis: TriageDeps['redis'];
  digest?: DigestServerSettings;
};

export type RunningReviewUi = { url: string; close(): Promise<void> };

const SWEEP_SESSIONS_EVERY_MS = 60 * 60_000;

/** Builds the UI if its bundle is missing or stale, then serves it and the API. */
export async function startReviewUi(deps: ReviewUiDeps): Promise<RunningReviewUi> {
  const logger = deps.logger.child({ service: 'review-ui' });
  const webDir = await ensureWebUi({ logger });
  const app = await createReviewServer({
    db: deps.db,
    logger,
    sessionSecret: loadSessionSecret(deps.config.sessionSecret, deps.dataDir),
    isHttps: deps.config.cookieSecure,
    webDir,
    redis: deps.redis,
    ...(deps.digest ? { digest: { ...deps.digest, publicUrl: deps.config.publicUrl } } : {}),
  });
  await app.listen({ host: deps.config.host, port: deps.config.port });

  const sweep = setInterval(() => {
    deleteExpiredSessions(deps.db, new Date()).catch((error: unknown) =>
      logger.warn({ err: String(error) }, 'expired session sweep failed'),
    );
  }, SWEEP_SESSIONS_EVERY_MS);
  sweep.unref();

  // Port 0 (tests) means "any free port": report the one we got.
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : deps.config.port;
  const url =
    deps.config.port === 0 ? `http://${hostForUrl(deps.config.host)}:${port}` : deps.config.publicUrl;
  logger.info({ url }, 'review UI listening');
  return {
    url,
    async close() {
      clearInterval(sweep);
      await app.close();
    },
  };
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
