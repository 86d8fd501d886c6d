/**
 * Child process for the cross-process politeness test: fetches its URLs through the crawler's real
 * robots cache, Redis host politeness and guarded HTTP client, waiting whenever the host is busy.
 * argv[2]: JSON { prefix, urls, gapMs, allowHost }. Prints one JSON line per fetch, exits 0 when done.
 */
import { loadConfig, readProcessEnv } from '@claimwatch/shared/config';
import { createRedisConnection } from '@claimwatch/shared/queues';
import { createHostPoliteness } from '../fetch/host-politeness.ts';
import { createHttpClient } from '../fetch/http-fetch.ts';
import { httpOptions, politeFetchWaiting } from '../fetch/polite-fetch.ts';
import { createRobotsCache } from '../fetch/robots.ts';

const { prefix, urls, gapMs, allowHost } = JSON.parse(process.argv[2]!) as {
  prefix: string;
  urls: string[];
  gapMs: number;
  allowHost: string;
};
const env = readProcessEnv();
const config = loadConfig({ ...env, CRAWLER_ALLOW_HOSTS: allowHost, CRAWLER_HOST_GAP_MS: String(gapMs) });
const redis = createRedisConnection(config.redis.url);
const http = createHttpClient({ allowHosts: config.crawler.allowHosts });
const deps = {
  http,
  robots: createRobotsCache(http, httpOptions(config.crawler)),
  politeness: createHostPoliteness(redis, prefix, config.crawler.timeoutMs + 5_000),
  config: config.crawler,
};
for (const url of urls) {
  const response = await politeFetchWaiting(deps, url, {}, 120_000);
  process.stdout.write(`${JSON.stringify({ url, status: response.status })}\n`);
}
await http.close();
await redis.quit();
