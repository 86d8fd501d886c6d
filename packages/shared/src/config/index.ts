import { type ClassifierConfig, classifierEnv, loadClassifierConfig } from './classifier.config.ts';
import { type CrawlerConfig, crawlerEnv, loadCrawlerConfig } from './crawler.config.ts';
import { type DatabaseConfig, databaseEnv, loadDatabaseConfig } from './database.config.ts';
import { type DemoConfig, demoEnv, loadDemoConfig } from './demo.config.ts';
import { type DigestConfig, digestEnv, loadDigestConfig } from './digest.config.ts';
import type { Env, EnvSchema } from './env.ts';
import { type EvaluationConfig, evaluationEnv, loadEvaluationConfig } from './evaluation.config.ts';
import { type LoggingConfig, loadLoggingConfig, loggingEnv } from './logging.config.ts';
import { loadPathsConfig, type PathsConfig, pathsEnv } from './paths.config.ts';
import { loadRedisConfig, type RedisConfig, redisEnv } from './redis.config.ts';
import { loadReviewUiConfig, type ReviewUiConfig, reviewUiEnv } from './review-ui.config.ts';
import { testingEnv } from './testing.config.ts';

export { CHROMIUM_LAUNCH_ARGS } from './chromium-flags.ts';
export type { SmtpConfig } from './digest.config.ts';
export { ConfigError, type Env, parseEnv } from './env.ts';
export { repoRoot } from './paths.config.ts';
export { loadTestingConfig, type TestingConfig } from './testing.config.ts';
export type {
  ClassifierConfig,
  CrawlerConfig,
  DatabaseConfig,
  DemoConfig,
  DigestConfig,
  EvaluationConfig,
  LoggingConfig,
  PathsConfig,
  RedisConfig,
  ReviewUiConfig,
};

export type Config = {
  paths: PathsConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  logging: LoggingConfig;
  crawler: CrawlerConfig;
  classifier: ClassifierConfig;
  reviewUi: ReviewUiConfig;
  digest: DigestConfig;
  demo: DemoConfig;
  evaluation: EvaluationConfig;
};

/** Every concern's variables, in the order docs/configuration.md lists them. */
export const configSections: { concern: string; schema: EnvSchema }[] = [
  { concern: 'Paths', schema: pathsEnv },
  { concern: 'Database', schema: databaseEnv },
  { concern: 'Redis and queues', schema: redisEnv },
  { concern: 'Logging', schema: loggingEnv },
  { concern: 'Crawler', schema: crawlerEnv },
  { concern: 'Classifier', schema: classifierEnv },
  { concern: 'Review UI', schema: reviewUiEnv },
  { concern: 'Digest', schema: digestEnv },
  { concern: 'Demo', schema: demoEnv },
  { concern: 'Evaluation', schema: evaluationEnv },
  { concern: 'Tests', schema: testingEnv },
];

/** Parses the whole configuration; throws ConfigError naming every wrong variable of the first bad concern. */
export function loadConfig(env: Env): Config {
  const paths = loadPathsConfig(env);
  return {
    paths,
    database: loadDatabaseConfig(env, paths.dataDir),
    redis: loadRedisConfig(env),
    logging: loadLoggingConfig(env),
    crawler: loadCrawlerConfig(env),
    classifier: loadClassifierConfig(env),
    reviewUi: loadReviewUiConfig(env),
    digest: loadDigestConfig(env),
    demo: loadDemoConfig(env),
    evaluation: loadEvaluationConfig(env),
  };
}

/** The only read of process.env in the code base; entry points call it once at boot. */
export function readProcessEnv(): Env {
  return { ...process.env };
}
