export { extractArticle } from './extract/extract-article.ts';
export { parseFeed } from './source/parse-feed.ts';
export { urlKey } from './source/url-key.ts';
export { type CrawlerDeps, type RunningCrawler, startCrawler } from './start-crawler.ts';
