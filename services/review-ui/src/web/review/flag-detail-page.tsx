import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../api/api-client.ts';
import { formatDateTime, formatLanguageName, formatScore } from '../i18n/format.ts';
import { isLanguage } from '../i18n/i18n.ts';
import { describeMatch } from './describe-match.ts';
import { type FlagDetail, useFlag } from './flag-queries.ts';
import { safeExternalUrl, splitHighlight } from './split-highlight.ts';

export function FlagDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const flag = useFlag(id);

  if (flag.isPending) return <p className="status-line">{t('common.loading')}</p>;
  if (flag.isError) {
    const isMissing =
      flag.error instanceof ApiRequestError && ['not_found', 'validation_failed'].includes(flag.error.code);
    return (
      <section className="panel">
        <p role="alert">{isMissing ? t('flag.notFound') : t('flag.loadFailed')}</p>
        <Link to="/flags">{t('flag.back')}</Link>
      </section>
    );
  }
  return <FlagView flag={flag.data} />;
}

function FlagView({ flag }: { flag: FlagDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const originalUrl = safeExternalUrl(flag.document.url);
  const explanation = isLanguage(language)
    ? (flag.evidence.explanation[language] ?? flag.evidence.explanation.vi)
    : null;

  return (
    <article className="flag-detail">
      <p>
        <Link to="/flags">← {t('flag.back')}</Link>
      </p>
      <header>
        <h1 lang={flag.document.lang ?? undefined}>{flag.document.title ?? t('flags.untitled')}</h1>
        <p className="muted">
          {flag.document.publishedAt
            ? t('flag.published', { date: formatDateTime(flag.document.publishedAt, language) })
            : t('reliability.none')}
          {flag.document.publishedAt && ` (${t(`reliability.${flag.document.publishedReliability}`)})`}
          {' · '}
          {formatLanguageName(flag.document.lang, language)}
          {originalUrl && (
            <>
              {' · '}
              <a href={originalUrl} target="_blank" rel="noopener noreferrer">
                {t('flag.openOriginal')}
              </a>
            </>
          )}
        </p>
      </header>

      <div className="flag-columns">
        <section aria-labelledby="article-heading">
          <h2 id="article-heading">{t('flag.article')}</h2>
          {!flag.highlight && <p className="notice">{t('flag.claimNotFound')}</p>}
          <ArticleText text={flag.document.text} highlight={flag.highlight} lang={flag.document.lang} />
        </section>

        <aside className="flag-facts">
          <section>
            <h2>{t('flag.claim')}</h2>
            <blockquote lang={flag.document.lang ?? undefined}>{flag.claim.text}</blockquote>
          </section>
          <section>
            <h2>{t('flag.facts')}</h2>
            <dl>
              <dt>{t('flag.reason')}</dt>
              <dd>
                <span className={`reason reason-${flag.reason}`}>{t(`reason.${flag.reason}`)}</span>
              </dd>
              <dt>{t('flag.status')}</dt>
              <dd>{t(`status.${flag.status}`)}</dd>
              <dt>{t('flag.score')}</dt>
              <dd>{formatScore(flag.score, language)}</dd>
              <dt>{t('flag.priority')}</dt>
              <dd>{formatScore(flag.priority, language)}</dd>
              <dt>{t('flag.claimType')}</dt>
              <dd>{t(`claimType.${flag.claim.type}`)}</dd>
              <dt>{t('flag.detectedAt')}</dt>
              <dd>{formatDateTime(flag.createdAt, language)}</dd>
            </dl>
          </section>
          <Evidence flag={flag} explanation={explanation} language={language} />
          <Models flag={flag} />
        </aside>
      </div>
    </article>
  );
}

/** The article as text nodes only: crawled content is never parsed as HTML. */
export function ArticleText(props: {
  text: string;
  highlight: FlagDetail['highlight'];
  lang: string | null;
}) {
  const markRef = useRef<HTMLElement>(null);
  useEffect(() => {
    markRef.current?.scrollIntoView?.({ block: 'center' });
  }, []);
  return (
    <div data-testid="article-text" className="article-text" lang={props.lang ?? undefined}>
      {splitHighlight(props.text, props.highlight).map((segment, i) =>
        segment.isClaim ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <mark key={i} ref={markRef}>
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <span key={i}>{segment.text}</span>
        ),
      )}
    </div>
  );
}

export function Evidence(props: { flag: FlagDetail; explanation: string | null; language: string }) {
  const { t } = useTranslation();
  const { evidence } = props.flag;
  const thresholds = Object.entries(evidence.thresholds);
  return (
    <section>
      <h2>{t('flag.evidence')}</h2>
      {props.explanation && (
        <>
          <h3>{t('flag.explanation')}</h3>
          <p>{props.explanation}</p>
        </>
      )}
      <h3>{t('flag.matches')}</h3>
      {evidence.matches.length === 0 ? (
        <p className="muted">{t('flag.noMatches')}</p>
      ) : (
        <ul className="matches">
          {evidence.matches.map((match, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the classifier's list has no ids
            <li key={i}>
              <Match match={match} language={props.language} />
            </li>
          ))}
        </ul>
      )}
      {evidence.calibration && (
        <p className={evidence.calibration.calibrated ? 'muted' : 'notice'} data-testid="calibration">
          {evidence.calibration.calibrated
            ? t('flag.calibrated', { section: evidence.calibration.section ?? '—' })
            : t('flag.notCalibrated', {
                section: evidence.calibration.section ?? t('flag.defaultThresholds'),
                mismatched: evidence.calibration.mismatched.join('; ') || '—',
              })}
        </p>
      )}
      {thresholds.length > 0 && (
        <>
          <h3>{t('flag.thresholds')}</h3>
          <ul>
            {thresholds.map(([name, value]) => (
              <li key={name}>
                <code>{name}</code>: {formatScore(value, props.language)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** One matched reference in words: what it is, how close, and the values a structured check compared. */
function Match({ match, language }: { match: unknown; language: string }) {
  const { t } = useTranslation();
  const m = describeMatch(match);
  if (!m || m.kind === 'other') return <pre>{JSON.stringify(match, null, 2)}</pre>;
  const score = (v: number) => formatScore(v, language);
  return (
    <>
      <p>
        <strong>{t(`flag.matchKind.${m.kind}`)}</strong>{' '}
        {m.kind === 'response' && m.id ? (
          <Link to={`/responses/${encodeURIComponent(m.id)}`}>{t('flag.openResponse')}</Link>
        ) : (
          <code>
            {m.id}
            {m.version !== null ? ` v${m.version}` : ''}
          </code>
        )}
        {m.score !== null && (
          <span className="muted"> ({t('flag.matchScore', { score: score(m.score) })})</span>
        )}
      </p>
      {m.text && <p>{m.text}</p>}
      {m.check && (
        <p>
          {t('flag.check', {
            check: m.check.name,
            claimValue: m.check.claimValue ?? '—',
            factValue: m.check.factValue ?? '—',
          })}
        </p>
      )}
      {m.nli && (
        <p>
          {t('flag.nli', {
            contradiction: score(m.nli.contradiction),
            entailment: score(m.nli.entailment),
            neutral: score(m.nli.neutral),
          })}
        </p>
      )}
    </>
  );
}

export function Models({ flag }: { flag: FlagDetail }) {
  const { t } = useTranslation();
  const ref = (m: { id: string; revision: string }) => (
    <code key={`${m.id}@${m.revision}`}>
      {m.id}@{m.revision}
    </code>
  );
  return (
    <section>
      <h2>{t('flag.models')}</h2>
      <dl className="models">
        <dt>{t('flag.modelsFlag')}</dt>
        <dd>{flag.models.map(ref)}</dd>
        <dt>{t('flag.modelsClaim')}</dt>
        <dd>{ref(flag.claim.model)}</dd>
        {flag.classification && (
          <>
            <dt>{t('flag.modelsClassification')}</dt>
            <dd>{flag.classification.models.map(ref)}</dd>
          </>
        )}
      </dl>
      <p className="muted">{t('flag.modelsNote')}</p>
    </section>
  );
}
