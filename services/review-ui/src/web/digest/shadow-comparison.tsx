import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShadowComparison } from '../../digest/digest.types.ts';
import { shadowLinks } from '../../digest/digest-links.ts';

type Format = {
  num: (v: number) => string;
  pct: (v: number | null) => string;
  lang: (code: string) => string;
  link: (to: string, children: ReactNode, testId?: string) => ReactNode;
};

/** Model accountability's shadow part: a shadow model against the decisions on the active model's flags. */
export function ShadowComparisonTable(props: {
  rows: ShadowComparison[];
  from: string;
  to: string;
  format: Format;
}) {
  const { t } = useTranslation();
  const { num, pct, lang, link } = props.format;
  const interval = (i: { low: number; high: number } | null) => (i ? `${pct(i.low)} – ${pct(i.high)}` : '—');
  return (
    <>
      <h3>{t('digest.shadow.title')}</h3>
      <p className="muted">{t('digest.shadow.note')}</p>
      <table className="digest-table" data-testid="digest-shadow">
        <thead>
          <tr>
            <th scope="col">{t('digest.shadow.model')}</th>
            <th scope="col">{t('digest.models.lang')}</th>
            <th scope="col">{t('digest.team.confirmed')}</th>
            <th scope="col">{t('digest.team.dismissed')}</th>
            <th scope="col">{t('digest.shadow.wouldFlagConfirmed')}</th>
            <th scope="col">{t('digest.shadow.wouldFlagDismissed')}</th>
            <th scope="col">{t('digest.shadow.precision')}</th>
            <th scope="col">{t('digest.models.interval')}</th>
            <th scope="col">{t('digest.shadow.activePrecision')}</th>
            <th scope="col">{t('digest.models.interval')}</th>
            <th scope="col">{t('digest.shadow.unflagged')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const key = `${r.modelId}@${r.revision}:${r.lang}`;
            const links = shadowLinks(r, props.from, props.to);
            return (
              <tr key={key} data-testid={`digest-shadow-${key}`}>
                <td>{`${r.modelId}@${r.revision}`}</td>
                <td>{lang(r.lang)}</td>
                <td className="number">{link(links.confirmed, num(r.confirmed))}</td>
                <td className="number">{link(links.dismissed, num(r.dismissed))}</td>
                <td className="number">
                  {link(
                    links.wouldFlagConfirmed,
                    num(r.wouldFlagConfirmed),
                    `digest-shadow-would-confirmed-${key}`,
                  )}
                </td>
                <td className="number">{link(links.wouldFlagDismissed, num(r.wouldFlagDismissed))}</td>
                <td className="number">{pct(r.precision)}</td>
                <td>{interval(r.interval)}</td>
                <td className="number">{pct(r.activePrecision)}</td>
                <td>{interval(r.activeInterval)}</td>
                {/* No list: these claims have no flag (see shadowLinks). */}
                <td className="number">{num(r.wouldFlagUnflagged)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">{t('digest.shadow.unflaggedNote')}</p>
    </>
  );
}
