export { extractArticle } from './extract/extract-article.ts';
export {
  createExtractBatch,
  type ExtractOutput,
  type ExtractRecord,
  extractRecord,
} from './offline/extract-batch.ts';
export {
  createFeedBatchParser,
  type FeedOutput,
  type FeedRecord,
  parseFeedRecord,
} from './offline/feed-batch.ts';
export { parseFeed } from './source/feed/parse-feed.ts';
export { urlKey } from './source/url-key.ts';
export { type CrawlerDeps, type RunningCrawler, startCrawler } from './start-crawler.ts';
