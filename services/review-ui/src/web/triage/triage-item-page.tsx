import type { DismissReason } from '@claimwatch/shared/domain';
import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiRequestError, callApi } from '../api/api-client.ts';
import { csrfTokenOf, useSession } from '../auth/session.ts';
import { formatDateTime, formatLanguageName, formatScore } from '../i18n/format.ts';
import { isLanguage } from '../i18n/i18n.ts';
import { ArticleText, Evidence, Models } from '../review/flag-detail-page.tsx';
import { safeExternalUrl } from '../review/split-highlight.ts';
import { commandOf, isTypingTarget } from './shortcuts.ts';
import { DismissDialog, HelpDialog, useActionMessages } from './triage-dialogs.tsx';
import {
  type LockInfo,
  lockItem,
  type TriageItem,
  unlockItem,
  useAddNote,
  useDecide,
  useTriageItem,
  useUndo,
} from './triage-queries.ts';

/** Renew the lock well before it lapses (the server keeps it 2 minutes). */
const HEARTBEAT_MS = 30_000;

type LockState = { mine: true; lock: LockInfo } | { mine: false; holder: LockInfo | null } | undefined;

/**
 * Opening an item takes the soft lock on it (and its near-duplicates) and renews it while the page is
 * open; leaving releases it. When someone else has it, the page says who and offers no decisions.
 */
function useItemLock(id: string, canDecide: boolean): LockState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LockState>(undefined);
  useEffect(() => {
    if (!canDecide) return;
    let cancelled = false;
    const take = async () => {
      try {
        const { lock } = await lockItem(id, csrfTokenOf(queryClient));
        if (!cancelled) setState({ mine: true, lock });
      } catch (error) {
        if (cancelled) return;
        if (error instanceof ApiRequestError && error.code === 'flag_locked') {
          const item = await queryClient.fetchQuery({
            queryKey: ['triage', 'item', id],
            queryFn: () => callApi<TriageItem>('GET', `/api/triage/flags/${id}`),
          });
          if (!cancelled) setState({ mine: false, holder: item.triage.lock });
        }
      }
    };
    void take();
    const timer = setInterval(() => void take(), HEARTBEAT_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
      void unlockItem(id, csrfTokenOf(queryClient));
    };
  }, [id, canDecide, queryClient]);
  return state;
}

export function TriageItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useTriageItem(id);
  if (item.isPending) return <p className="status-line">{t('common.loading')}</p>;
  if (item.isError)
    return (
      <section className="panel">
        <p role="alert">{t('flag.notFound')}</p>
        <Link to="/triage">{t('triage.item.back')}</Link>
      </section>
    );
  return <ItemView item={item.data} />;
}

function ItemView({ item }: { item: TriageItem }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const navigate = useNavigate();
  const roles = useSession().data?.user?.roles ?? [];
  const canDecide = roles.some((r) => r === 'monitor' || r === 'manager' || r === 'admin');
  const canDraft = roles.some((r) => r === 'writer' || r === 'manager');
  const lock = useItemLock(item.id, canDecide);
  const lockedByOther = lock !== undefined && !lock.mine;
  const decide = useDecide();
  const undo = useUndo();
  const messages = useActionMessages();
  const [dismissing, setDismissing] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const explanation = isLanguage(language)
    ? (item.evidence.explanation[language] ?? item.evidence.explanation.vi)
    : null;
  const originalUrl = safeExternalUrl(item.document.url);

  const act = (
    action: 'confirm' | 'dismiss' | 'escalate' | 'assign_to_me',
    dismissReason?: DismissReason,
  ) => {
    if (!canDecide || lockedByOther) return;
    decide.mutate(
      { id: item.id, decision: { action, ...(dismissReason ? { dismissReason } : {}) } },
      { onSuccess: messages.reportResult, onError: messages.reportError },
    );
  };

  const handler = useRef<(event: KeyboardEvent) => void>(() => {});
  handler.current = (event: KeyboardEvent) => {
    if (isTypingTarget(event.target) || dismissing || helpOpen) return;
    const command = commandOf(event);
    if (!command) return;
    const run: Partial<Record<typeof command, () => void>> = {
      confirm: () => act('confirm'),
      dismiss: () => canDecide && !lockedByOther && setDismissing(true),
      escalate: () => act('escalate'),
      assignToMe: () => act('assign_to_me'),
      undo: () => undo.mutate(undefined, { onSuccess: messages.reportUndo, onError: messages.reportError }),
      help: () => setHelpOpen(true),
      back: () => navigate('/triage'),
      escape: () => navigate('/triage'),
      note: () => noteRef.current?.focus(),
    };
    const fn = run[command];
    if (!fn) return;
    event.preventDefault();
    fn();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <article className="flag-detail triage-item">
      <p>
        <Link to="/triage">← {t('triage.item.back')}</Link>
      </p>
      {lock && !lock.mine && lock.holder && (
        <p className="notice" role="status" data-testid="lock-banner">
          {t('triage.takenBanner', {
            name: lock.holder.name,
            time: formatDateTime(lock.holder.expiresAt, language),
          })}
        </p>
      )}
      {lock?.mine && (
        <p className="muted" data-testid="lock-mine">
          {t('triage.youHaveIt')}
        </p>
      )}
      <header>
        <h1 lang={item.document.lang ?? undefined}>{item.document.title ?? t('flags.untitled')}</h1>
        <p className="muted">
          {item.document.publishedAt &&
            t('flag.published', { date: formatDateTime(item.document.publishedAt, language) })}
          {' · '}
          {formatLanguageName(item.document.lang, language)}
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

      {canDecide && (
        <div className="triage-toolbar" role="toolbar" aria-label={t('triage.actions.label')}>
          <span data-testid="item-status">
            {t(`status.${item.status}`)}
            {item.triage.dismissReason && ` · ${t(`triage.dismissReason.${item.triage.dismissReason}`)}`}
            {item.triage.assignedTo && ` · ${t('triage.assignedTo', { name: item.triage.assignedTo.name })}`}
          </span>
          <button type="button" disabled={lockedByOther} onClick={() => act('confirm')}>
            {t('triage.actions.confirm')}
          </button>
          <button type="button" disabled={lockedByOther} onClick={() => setDismissing(true)}>
            {t('triage.actions.dismiss')}
          </button>
          <button type="button" disabled={lockedByOther} onClick={() => act('escalate')}>
            {t('triage.actions.escalate')}
          </button>
          <button type="button" disabled={lockedByOther} onClick={() => act('assign_to_me')}>
            {t('triage.actions.assignToMe')}
          </button>
          <button
            type="button"
            onClick={() =>
              undo.mutate(undefined, { onSuccess: messages.reportUndo, onError: messages.reportError })
            }
          >
            {t('triage.actions.undo')}
          </button>
          <button type="button" onClick={() => setHelpOpen(true)}>
            {t('triage.actions.help')}
          </button>
        </div>
      )}
      {canDraft && (
        <p>
          <Link to={`/responses/new?flag=${encodeURIComponent(item.id)}`}>{t('respond.list.new')}</Link>
        </p>
      )}
      <p className="status-line" role="status" data-testid="triage-message">
        {messages.text}
      </p>

      <div className="flag-columns">
        <section aria-labelledby="article-heading">
          <h2 id="article-heading">{t('flag.article')}</h2>
          {!item.highlight && <p className="notice">{t('flag.claimNotFound')}</p>}
          <ArticleText text={item.document.text} highlight={item.highlight} lang={item.document.lang} />
        </section>
        <aside className="flag-facts">
          <section>
            <h2>{t('flag.claim')}</h2>
            <blockquote lang={item.document.lang ?? undefined}>{item.claim.text}</blockquote>
            <dl>
              <dt>{t('flag.reason')}</dt>
              <dd>{t(`reason.${item.reason}`)}</dd>
              <dt>{t('flag.score')}</dt>
              <dd>{formatScore(item.score, language)}</dd>
              <dt>{t('flag.priority')}</dt>
              <dd>{formatScore(item.priority, language)}</dd>
              {item.triage.decidedBy && (
                <>
                  <dt>{t('flag.status')}</dt>
                  <dd>{t('triage.item.decidedBy', { name: item.triage.decidedBy.name })}</dd>
                </>
              )}
            </dl>
          </section>
          <References item={item} language={language} />
          <Evidence flag={item} explanation={explanation} language={language} />
          <Models flag={item} />
          <Appearances item={item} language={language} />
          <Snapshot item={item} language={language} />
          <Notes item={item} language={language} noteRef={noteRef} />
        </aside>
      </div>
      {dismissing && (
        <DismissDialog
          onPick={(reason) => {
            setDismissing(false);
            act('dismiss', reason);
          }}
          onCancel={() => setDismissing(false)}
        />
      )}
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
    </article>
  );
}

function References({ item, language }: { item: TriageItem; language: string }) {
  const { t } = useTranslation();
  const lang = language === 'en' ? 'en' : 'vi';
  return (
    <section>
      <h2>{t('triage.item.references')}</h2>
      {item.triage.references.length === 0 ? (
        <p className="muted">{t('triage.item.noReferences')}</p>
      ) : (
        <ul className="matches">
          {item.triage.references.map((r) => (
            <li key={`${r.kind}-${r.id}`}>
              {r.kind === 'response' && (
                <p>
                  <Link to={`/responses/${encodeURIComponent(r.id)}`}>{t('triage.item.pastResponse')}</Link>
                </p>
              )}
              <p>
                {r.text[lang] ?? r.text.vi ?? r.id}{' '}
                <span className="muted">
                  ({t('triage.item.matchScore', { score: formatScore(r.score, language) })})
                </span>
              </p>
              {r.sources.length > 0 && (
                <ul>
                  {r.sources.map((s) => {
                    const href = safeExternalUrl(s.url);
                    return (
                      <li key={s.url}>
                        {href ? (
                          <a href={href} target="_blank" rel="noopener noreferrer">
                            {s.title ?? s.url}
                          </a>
                        ) : (
                          <span>{s.title ?? s.url}</span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Appearances({ item, language }: { item: TriageItem; language: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('triage.item.appearances')}</h2>
      {item.triage.appearances.length === 0 ? (
        <p className="muted">{t('triage.item.noAppearances')}</p>
      ) : (
        <ul data-testid="appearances">
          {item.triage.appearances.map((a) => {
            const href = safeExternalUrl(a.url);
            const label = a.source ?? a.title ?? a.url;
            return (
              <li key={a.documentId}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {label}
                  </a>
                ) : (
                  <span>{label}</span>
                )}{' '}
                <span className="muted">
                  ({t('triage.item.similarity', { score: formatScore(a.similarity, language) })})
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Snapshot({ item, language }: { item: TriageItem; language: string }) {
  const { t } = useTranslation();
  const snapshot = item.triage.snapshot;
  return (
    <section>
      <h2>{t('triage.item.snapshot')}</h2>
      {snapshot ? (
        <a href={snapshot.href} target="_blank" rel="noopener noreferrer">
          {t('triage.item.openSnapshot', { date: formatDateTime(snapshot.fetchedAt, language) })}
        </a>
      ) : (
        <p className="muted">{t('triage.item.noSnapshot')}</p>
      )}
    </section>
  );
}

function Notes(props: {
  item: TriageItem;
  language: string;
  noteRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useTranslation();
  const add = useAddNote(props.item.id);
  const [body, setBody] = useState('');
  return (
    <section>
      <h2>{t('triage.item.notes')}</h2>
      {props.item.triage.notes.length === 0 ? (
        <p className="muted">{t('triage.item.noNotes')}</p>
      ) : (
        <ul className="notes" data-testid="notes">
          {props.item.triage.notes.map((n) => (
            <li key={n.id}>
              <p>{n.body}</p>
              <p className="muted">
                {n.author?.name ?? '—'} · {formatDateTime(n.createdAt, props.language)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) add.mutate(body.trim(), { onSuccess: () => setBody('') });
        }}
      >
        <label>
          {t('triage.item.noteLabel')}
          <textarea
            ref={props.noteRef}
            name="note"
            value={body}
            maxLength={5000}
            rows={3}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              // Esc leaves the field, so the shortcuts work again; Ctrl+Enter adds the note.
              if (e.key === 'Escape') e.currentTarget.blur();
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
        </label>
        <button type="submit" disabled={add.isPending}>
          {t('triage.item.addNote')}
        </button>
      </form>
    </section>
  );
}
