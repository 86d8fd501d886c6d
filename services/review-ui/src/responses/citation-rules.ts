/**
 * Rules a citation must meet, shared by the API schema and the editor in the browser (so this module
 * imports nothing: the web bundle must not pull in zod).
 */

export const CITATION_URL_MAX_LENGTH = 2000;
export const CITATION_TITLE_MAX_LENGTH = 500;
export const CITATION_QUOTE_MAX_LENGTH = 2000;
export const CITATIONS_MAX = 50;

/** An absolute http(s) URL: the only kind of source a reader can follow and the crawler can archive. */
export function isHttpUrl(url: string | null | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}
