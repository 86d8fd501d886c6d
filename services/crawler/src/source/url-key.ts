/**
 * The key that makes two spellings of one article URL the same page: lower-case host without `www.`,
 * no default port, no fragment, no tracking parameters, sorted query.
 */
const TRACKING_PARAMS =
  /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_[a-z]+|igshid|yclid|_ga|ref|ref_src|cmpid|ocid)$/i;

export function urlKey(raw: string): string {
  const url = new URL(raw);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443'))
    url.port = '';
  const params = [...url.searchParams.entries()].filter(([k]) => !TRACKING_PARAMS.test(k));
  params.sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(params).toString();
  // Scheme does not make a different article.
  return `${url.host}${url.pathname.replace(/\/+$/, '') || '/'}${url.search}`;
}
