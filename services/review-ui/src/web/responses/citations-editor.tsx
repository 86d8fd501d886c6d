import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CITATION_QUOTE_MAX_LENGTH,
  CITATION_TITLE_MAX_LENGTH,
  CITATION_URL_MAX_LENGTH,
  CITATIONS_MAX,
  isHttpUrl,
} from '../../responses/citation-rules.ts';
import {
  type DraftCitation,
  moveCitation,
  newFactCitation,
  newSourceCitation,
  removeCitation,
  type SourceUrlProblem,
  sourceUrlProblem,
} from './citation-draft.ts';
import { type CitationCheck, useFactSearch } from './response-queries.ts';

type Props = {
  citations: DraftCitation[];
  onChange: (next: DraftCitation[]) => void;
  /** Quotes may be edited. */
  editable: boolean;
  /** Citations may be added, removed and moved (a draft or a response in review, by someone who drafts). */
  restructurable: boolean;
  /** The citation check of the saved version; undefined while the list differs from it. */
  problems: CitationCheck['problems'] | undefined;
};

/**
 * The ordered citation list of a response: quotes editable in place; when restructurable, each row can
 * be moved or removed and new sources and verified facts can be added. Nothing is saved here: the
 * page's Save sends the whole list through the versioned update.
 */
export function CitationsEditor({ citations, onChange, editable, restructurable, problems }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  const full = citations.length >= CITATIONS_MAX;
  const problemsAt = (position: number) => problems?.filter((p) => p.position === position) ?? [];
  const update = (index: number, quote: string) =>
    onChange(citations.map((c, i) => (i === index ? { ...c, quote } : c)));

  return (
    <>
      {citations.length === 0 && <p className="muted">{t('respond.cite.none')}</p>}
      <ol className="citations" data-testid="citations">
        {citations.map((c, i) => (
          <li key={c.key} data-testid="citation-row">
            <div className="citation-body">
              {c.kind === 'verified_fact' ? (
                <span>
                  {t('respond.factCitation')}:{' '}
                  {c.factText && <span>{english ? c.factText.en : c.factText.vi} </span>}
                  <code data-testid="citation-fact">{c.factId}</code>
                </span>
              ) : (
                <span>
                  {isHttpUrl(c.url) ? (
                    <a href={c.url} rel="noopener noreferrer" target="_blank" data-testid="citation-url">
                      {c.title ?? c.url}
                    </a>
                  ) : (
                    c.url
                  )}
                  <label className="quote">
                    {t('respond.quote')}{' '}
                    <input
                      name={`quote-${i}`}
                      readOnly={!editable}
                      maxLength={CITATION_QUOTE_MAX_LENGTH}
                      value={c.quote ?? ''}
                      onChange={(e) => update(i, e.target.value)}
                    />
                  </label>
                </span>
              )}
              {problemsAt(i).map((p) => (
                <p key={p.code} className="error" data-testid="citation-problem">
                  {t(`respond.check.${p.code}`)}
                </p>
              ))}
            </div>
            {restructurable && (
              <fieldset className="citation-moves" aria-label={t('respond.cite.row', { n: i + 1 })}>
                <button
                  type="button"
                  disabled={i === 0}
                  onClick={() => onChange(moveCitation(citations, i, -1))}
                >
                  {t('respond.cite.up')}
                </button>
                <button
                  type="button"
                  disabled={i === citations.length - 1}
                  onClick={() => onChange(moveCitation(citations, i, 1))}
                >
                  {t('respond.cite.down')}
                </button>
                <button type="button" onClick={() => onChange(removeCitation(citations, i))}>
                  {t('respond.cite.remove')}
                </button>
              </fieldset>
            )}
          </li>
        ))}
      </ol>
      {restructurable && (
        <div className="citation-adders">
          {full && <p className="muted">{t('respond.cite.full', { max: CITATIONS_MAX })}</p>}
          <AddSource disabled={full} onAdd={(c) => onChange([...citations, c])} />
          <AddFact
            disabled={full}
            cited={new Set(citations.flatMap((c) => (c.factId ? [c.factId] : [])))}
            onAdd={(c) => onChange([...citations, c])}
          />
        </div>
      )}
    </>
  );
}

function AddSource({ disabled, onAdd }: { disabled: boolean; onAdd: (c: DraftCitation) => void }) {
  const { t } = useTranslation();
  const errorId = useId();
  const [fields, setFields] = useState({ url: '', title: '', quote: '' });
  const [problem, setProblem] = useState<SourceUrlProblem | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = sourceUrlProblem(fields.url);
    setProblem(found);
    if (found) return;
    onAdd(newSourceCitation(fields));
    setFields({ url: '', title: '', quote: '' });
  };

  return (
    <form className="citation-add" onSubmit={submit} noValidate data-testid="add-source">
      <fieldset disabled={disabled}>
        <legend>{t('respond.cite.addSource')}</legend>
        <label>
          {t('respond.cite.url')}
          <input
            name="new-url"
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={CITATION_URL_MAX_LENGTH}
            aria-invalid={problem !== null}
            aria-describedby={problem ? errorId : undefined}
            value={fields.url}
            onChange={(e) => setFields({ ...fields, url: e.target.value })}
          />
        </label>
        <label>
          {t('respond.cite.title')}
          <input
            name="new-title"
            maxLength={CITATION_TITLE_MAX_LENGTH}
            value={fields.title}
            onChange={(e) => setFields({ ...fields, title: e.target.value })}
          />
        </label>
        <label>
          {t('respond.cite.quote')}
          <input
            name="new-quote"
            maxLength={CITATION_QUOTE_MAX_LENGTH}
            value={fields.quote}
            onChange={(e) => setFields({ ...fields, quote: e.target.value })}
          />
        </label>
        {problem && (
          <p id={errorId} className="error" role="alert" data-testid="add-source-error">
            {t(`respond.cite.${problem}`)}
          </p>
        )}
        <button type="submit">{t('respond.cite.addSourceButton')}</button>
      </fieldset>
    </form>
  );
}

function AddFact({
  disabled,
  cited,
  onAdd,
}: {
  disabled: boolean;
  cited: Set<string>;
  onAdd: (c: DraftCitation) => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const facts = useFactSearch(q, !disabled);
  const items = facts.data?.items ?? [];
  const fact = cited.has(chosen) ? undefined : items.find((f) => f.id === chosen);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!fact) return;
    onAdd(newFactCitation(fact));
    setChosen('');
  };

  return (
    <form className="citation-add" onSubmit={submit} data-testid="add-fact">
      <fieldset disabled={disabled}>
        <legend>{t('respond.cite.addFact')}</legend>
        <label>
          {t('respond.cite.searchFacts')}
          <input name="fact-search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label>
          {t('respond.cite.fact')}
          <select name="fact" size={6} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {items.map((f) => (
              <option key={f.id} value={f.id} disabled={cited.has(f.id)}>
                {f.id} — {english ? f.textEn : f.textVi}
                {cited.has(f.id) ? ` (${t('respond.cite.alreadyCited')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <p className="muted" role="status">
          {facts.isError
            ? t('respond.cite.factsFailed')
            : facts.data && items.length === 0
              ? t('respond.cite.noFacts')
              : facts.data?.hasMore
                ? t('respond.cite.moreFacts')
                : ''}
        </p>
        <button type="submit" disabled={!fact}>
          {t('respond.cite.addFactButton')}
        </button>
      </fieldset>
    </form>
  );
}
