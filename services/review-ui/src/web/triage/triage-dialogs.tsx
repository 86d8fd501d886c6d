import { type DismissReason, dismissReasons } from '@claimwatch/shared/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-client.ts';
import { shortcutHelp } from './shortcuts.ts';
import type { DecisionResult } from './triage-queries.ts';

/** Pick a dismiss reason: digits 1–6 or a click; Esc cancels. */
export function DismissDialog(props: { onPick: (reason: DismissReason) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  const { onPick, onCancel } = props;
  useEffect(() => {
    first.current?.focus();
    const listener = (event: KeyboardEvent) => {
      const index = Number.parseInt(event.key, 10);
      if (index >= 1 && index <= dismissReasons.length) {
        event.preventDefault();
        onPick(dismissReasons[index - 1]!);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        onCancel();
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [onPick, onCancel]);
  return (
    <div className="dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="dismiss-title"
        className="dialog"
        data-testid="dismiss-dialog"
      >
        <h2 id="dismiss-title">{t('triage.dismissTitle')}</h2>
        <p className="muted">{t('triage.dismissHint')}</p>
        <ol>
          {dismissReasons.map((reason, i) => (
            <li key={reason}>
              <button type="button" ref={i === 0 ? first : undefined} onClick={() => onPick(reason)}>
                {i + 1}. {t(`triage.dismissReason.${reason}`)}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={onCancel}>
          {t('triage.cancel')}
        </button>
      </div>
    </div>
  );
}

export function HelpDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  const { onClose } = props;
  useEffect(() => {
    close.current?.focus();
    const listener = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === '?') {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [onClose]);
  return (
    <div className="dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        className="dialog"
        data-testid="help-dialog"
      >
        <h2 id="help-title">{t('triage.help.title')}</h2>
        <dl className="shortcuts">
          {shortcutHelp.map(([keys, what]) => (
            <div key={what}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{t(`triage.help.${what}`)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" ref={close} onClick={onClose}>
          {t('triage.help.close')}
        </button>
      </div>
    </div>
  );
}

/** The status line under the toolbar: what the last action did, in the UI language. */
export function useActionMessages() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return {
    text,
    reportResult: (result: DecisionResult) =>
      setText(
        result.skippedLocked.length > 0
          ? t('triage.doneSkipped', { count: result.changed.length, skipped: result.skippedLocked.length })
          : t('triage.done', { count: result.changed.length }),
      ),
    reportUndo: (result: DecisionResult) => setText(t('triage.undone', { count: result.changed.length })),
    reportTooManyForBulk: (max: number) => setText(t('triage.tooManyForBulk', { max })),
    reportError: (error: unknown) =>
      setText(
        error instanceof ApiRequestError && error.code === 'flag_locked'
          ? t('triage.lockedError')
          : error instanceof ApiRequestError && error.code === 'conflict'
            ? t('triage.nothingToUndo')
            : t('triage.actionFailed'),
      ),
  };
}
