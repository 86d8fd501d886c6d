import type { DismissReason } from '@claimwatch/shared/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { BULK_LIMIT } from '../../triage/limits.ts';
import { useSession } from '../auth/session.ts';
import { formatScore } from '../i18n/format.ts';
import { commandOf, isControlTarget, isTypingTarget, rangeIds } from './shortcuts.ts';
import { DismissDialog, HelpDialog, useActionMessages } from './triage-dialogs.tsx';
import { FiltersBar, filterFromParams } from './triage-filters.tsx';
import {
  type TriageFilter,
  type TriageListItem,
  useBulk,
  useDecide,
  useTriagePages,
  useUndo,
} from './triage-queries.ts';

type Action = 'confirm' | 'dismiss' | 'escalate' | 'assign_to_me';

/** The triage queue: keyboard first (see shortcuts.ts), every action also a button. */
export function TriagePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const pages = useTriagePages(filter);
  const me = useSession().data?.user;
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total ?? 0;
  const asOf = pages.data?.pages[0]?.asOf;

  const [focus, setFocus] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [allResults, setAllResults] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const newCount = useNewFlagCount(asOf);
  const messages = useActionMessages();
  const decide = useDecide();
  const bulk = useBulk();
  const undo = useUndo();
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());

  // A new filter starts with a fresh selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the filter changes
  useEffect(() => {
    setSelected(new Set());
    setAllResults(false);
    setFocus(0);
  }, [params]);
  useEffect(() => {
    if (focus >= items.length && items.length > 0) setFocus(items.length - 1);
  }, [focus, items.length]);
  const focused = items[focus];
  useEffect(() => {
    if (focused) rowRefs.current.get(focused.id)?.scrollIntoView?.({ block: 'nearest' });
  }, [focused]);

  const clearSelection = () => {
    setSelected(new Set());
    setAllResults(false);
  };

  const act = (action: Action, dismissReason?: DismissReason) => {
    const decision = { action, ...(dismissReason ? { dismissReason } : {}) };
    // The server refuses a filter matching more than BULK_LIMIT flags; say so before asking it.
    if (allResults && total > BULK_LIMIT) {
      messages.reportTooManyForBulk(BULK_LIMIT);
      return;
    }
    if (allResults || selected.size > 0) {
      bulk.mutate(allResults ? { ...decision, filter } : { ...decision, ids: [...selected] }, {
        onSuccess: (result) => {
          messages.reportResult(result);
          clearSelection();
        },
        onError: messages.reportError,
      });
    } else if (focused) {
      decide.mutate(
        { id: focused.id, decision },
        { onSuccess: messages.reportResult, onError: messages.reportError },
      );
    }
  };

  const runUndo = () =>
    undo.mutate(undefined, { onSuccess: messages.reportUndo, onError: messages.reportError });

  const toggle = (id: string, index: number) => {
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setAnchor(index);
  };

  const showNew = () => void pages.refetch();

  const handler = useRef<(event: KeyboardEvent) => void>(() => {});
  handler.current = (event: KeyboardEvent) => {
    if (isTypingTarget(event.target)) return;
    if (dismissing || helpOpen) return; // the dialogs handle their own keys
    const command = commandOf(event);
    if (!command) return;
    if (command === 'open' && isControlTarget(event.target)) return;
    event.preventDefault();
    switch (command) {
      case 'down':
        return setFocus((f) => Math.min(f + 1, Math.max(0, items.length - 1)));
      case 'up':
        return setFocus((f) => Math.max(0, f - 1));
      case 'open':
        return focused && navigate(`/triage/${focused.id}`);
      case 'toggleSelect':
        return focused && toggle(focused.id, focus);
      case 'selectRange': {
        const ids = rangeIds(
          items.map((i) => i.id),
          anchor ?? focus,
          focus,
        );
        setSelected((old) => new Set([...old, ...ids]));
        return setAnchor(focus);
      }
      case 'selectAllResults':
        return setAllResults((v) => !v);
      case 'escape':
        return clearSelection();
      case 'confirm':
        return act('confirm');
      case 'dismiss':
        return (focused || selected.size > 0 || allResults) && setDismissing(true);
      case 'escalate':
        return act('escalate');
      case 'assignToMe':
        return act('assign_to_me');
      case 'undo':
        return runUndo();
      case 'help':
        return setHelpOpen(true);
      case 'showNew':
        return showNew();
      default:
        return undefined;
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <section className="triage">
      <h1>{t('triage.title')}</h1>
      <FiltersBar filter={filter} onChange={(next: TriageFilter) => setParams(filterToParams(next))} />

      <div className="triage-toolbar" role="toolbar" aria-label={t('triage.actions.label')}>
        <span data-testid="triage-total">{t('triage.total', { count: total })}</span>
        {newCount > 0 && (
          // A counter, never a focus grab: the person decides when to look.
          <button type="button" className="new-flags" data-testid="new-flags" onClick={showNew}>
            {t('triage.newFlags', { count: newCount })}
          </button>
        )}
        <span data-testid="selection" aria-live="polite">
          {allResults
            ? t('triage.allResults', { count: total })
            : selected.size > 0
              ? t('triage.selected', { count: selected.size })
              : ''}
        </span>
        <button type="button" onClick={() => act('confirm')}>
          {t('triage.actions.confirm')}
        </button>
        <button type="button" onClick={() => setDismissing(true)}>
          {t('triage.actions.dismiss')}
        </button>
        <button type="button" onClick={() => act('escalate')}>
          {t('triage.actions.escalate')}
        </button>
        <button type="button" onClick={() => act('assign_to_me')}>
          {t('triage.actions.assignToMe')}
        </button>
        <button type="button" onClick={() => setAllResults((v) => !v)} aria-pressed={allResults}>
          {t('triage.selectAllResults')}
        </button>
        <button type="button" onClick={clearSelection}>
          {t('triage.clearSelection')}
        </button>
        <button type="button" onClick={runUndo}>
          {t('triage.actions.undo')}
        </button>
        <button type="button" onClick={() => setHelpOpen(true)}>
          {t('triage.actions.help')}
        </button>
      </div>
      <p className="status-line" role="status" data-testid="triage-message">
        {messages.text}
      </p>

      {pages.isError && <p role="alert">{t('triage.loadFailed')}</p>}
      {!pages.isPending && items.length === 0 && <p className="muted">{t('triage.empty')}</p>}
      {items.length > 0 && (
        <table className="flag-table triage-table">
          <thead>
            <tr>
              <th scope="col">{t('triage.columns.select')}</th>
              <th scope="col">{t('triage.columns.title')}</th>
              <th scope="col">{t('triage.columns.reason')}</th>
              <th scope="col">{t('triage.columns.status')}</th>
              <th scope="col">{t('triage.columns.source')}</th>
              <th scope="col">{t('triage.columns.score')}</th>
              <th scope="col">{t('triage.columns.lock')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <Row
                key={item.id}
                item={item}
                language={language}
                isFocused={index === focus}
                isSelected={allResults || selected.has(item.id)}
                lockedByOther={item.lock !== null && item.lock.userId !== me?.id}
                rowRef={(el) => {
                  if (el) rowRefs.current.set(item.id, el);
                  else rowRefs.current.delete(item.id);
                }}
                onFocusRow={() => setFocus(index)}
                onToggle={() => toggle(item.id, index)}
              />
            ))}
          </tbody>
        </table>
      )}
      {pages.hasNextPage && (
        <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {t('triage.loadMore')}
        </button>
      )}

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
    </section>
  );
}

function Row(props: {
  item: TriageListItem;
  language: string;
  isFocused: boolean;
  isSelected: boolean;
  lockedByOther: boolean;
  rowRef: (el: HTMLTableRowElement | null) => void;
  onFocusRow: () => void;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const { item } = props;
  return (
    <tr
      ref={props.rowRef}
      data-testid="triage-row"
      data-flag-id={item.id}
      data-focused={props.isFocused}
      aria-selected={props.isSelected}
      className={[props.isFocused ? 'focused' : '', props.isSelected ? 'selected' : ''].join(' ')}
      onClick={props.onFocusRow}
    >
      <td>
        <input
          type="checkbox"
          aria-label={t('triage.selectRow')}
          checked={props.isSelected}
          onChange={props.onToggle}
        />
      </td>
      <td>
        <Link to={`/triage/${item.id}`} lang={item.document.lang ?? undefined}>
          {item.document.title ?? t('flags.untitled')}
        </Link>
        <div className="claim-snippet" lang={item.document.lang ?? undefined}>
          {item.claimText}
        </div>
      </td>
      <td>
        <span className={`reason reason-${item.reason}`}>{t(`reason.${item.reason}`)}</span>
      </td>
      <td data-testid="row-status">
        {t(`status.${item.status}`)}
        {item.dismissReason && ` · ${t(`triage.dismissReason.${item.dismissReason}`)}`}
        {item.assignedTo && (
          <div className="muted">{t('triage.assignedTo', { name: item.assignedTo.name })}</div>
        )}
      </td>
      <td>{item.source?.name ?? '—'}</td>
      <td>{formatScore(item.score, props.language)}</td>
      <td data-testid="row-lock">
        {props.lockedByOther && item.lock && (
          <span className="lock-badge">{t('triage.takenBy', { name: item.lock.name })}</span>
        )}
      </td>
    </tr>
  );
}

function filterToParams(filter: TriageFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  // "All statuses" must survive a reload as a choice, not fall back to the default.
  if (!filter.status) params.set('status', 'all');
  return params;
}

/** Suggested flags created since the list was loaded, from the server-sent event stream. */
function useNewFlagCount(asOf: string | undefined): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    setCount(0);
    if (!asOf) return;
    const source = new EventSource(`/api/triage/events?since=${encodeURIComponent(asOf)}`);
    source.addEventListener('flags', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { newSuggested: number };
      setCount(data.newSuggested);
    });
    return () => source.close();
  }, [asOf]);
  return count;
}
