/**
 * The key that makes two spellings of one article URL the same page: lower-case host without `www.`,
 * mobile (`m.`, `mobile.`) and AMP (`amp.`) host prefixes, AMP path and query markers, default port,
 * fragment and tracking parameters removed, query sorted. Scheme does not make a different article.
 */
const TRACKING_PARAMS =
  /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|msclkid|mc_[a-z]+|igshid|yclid|_ga|_gl|ref|ref_src|ref_url|referrer|cmpid|ocid|smid|sr_share|share|sharetype|spm|from|src|source|rss|feed|at_[a-z]+|wt_[a-z._]+|xtor|ito|int_source|ns_[a-z]+|icid|amp|outputtype|output)$/i;
const MOBILE_OR_AMP_HOST = /^(m|mobile|amp|www)\./;

export function urlKey(raw: string): string {
  const url = new URL(raw);
  url.hash = '';
  let host = url.hostname.toLowerCase();
  // Only when a registrable name remains (`m.example.com` → `example.com`, never `m.com` → `com`).
  while (MOBILE_OR_AMP_HOST.test(host) && host.split('.').length > 2)
    host = host.replace(MOBILE_OR_AMP_HOST, '');
  url.hostname = host;
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443'))
    url.port = '';
  const params = [...url.searchParams.entries()].filter(([k]) => !TRACKING_PARAMS.test(k));
  params.sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(params).toString();
  const path = url.pathname
    .replace(/\/amp(\/|$)/i, '/')
    .replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '')
    .replace(/\/+$/, '');
  return `${url.host}${path || '/'}${url.search}`;
}
