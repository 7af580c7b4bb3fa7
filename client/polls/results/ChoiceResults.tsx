/**
 * Single/multiple choice results: one bar per option with its count and share of the people who answered
 * (multiple choice shares add up to more than 100 %). The summary line is a polite live region.
 */
import { useTranslation } from 'react-i18next';
import type { PollOption } from '../../../shared/polls/schemas.js';

export function percent(count: number, of: number): number {
  return of > 0 ? Math.round((100 * count) / of) : 0;
}

export interface BarRow {
  id: string;
  label: string;
  count: number;
  /** Highlight (e.g. the correct quiz answer). */
  mark?: string;
}

export function Bars({ rows, total, label }: { rows: readonly BarRow[]; total: number; label: string }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <ul className="poll-bars" aria-label={label}>
      {rows.map((r) => {
        const p = percent(r.count, total);
        return (
          <li key={r.id} className={`poll-bar${r.mark ? ' is-marked' : ''}`}>
            <div className="poll-bar-head">
              <span className="poll-bar-label">
                {r.label}
                {r.mark && <span className="poll-badge">{r.mark}</span>}
              </span>
              <span className="poll-bar-figure">{t('polls.results.countPercent', { count: r.count, n: nf.format(r.count), percent: p })}</span>
            </div>
            <div className="poll-bar-track" aria-hidden="true">
              <div className="poll-bar-fill" style={{ width: `${p}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function ResponsesLine({ responses, present }: { responses: number; present?: number | null }) {
  const { t } = useTranslation();
  return (
    <p className="poll-responses" aria-live="polite" aria-atomic="true">
      {present !== undefined && present !== null
        ? t('polls.results.responsesOfPresent', { count: responses, present })
        : t('polls.results.responses', { count: responses })}
    </p>
  );
}

export function ChoiceResults({ options, counts, responses, multiple = false, present }: {
  options: readonly PollOption[];
  counts: Readonly<Record<string, number>>;
  responses: number;
  multiple?: boolean;
  present?: number | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="poll-results">
      <ResponsesLine responses={responses} present={present} />
      <Bars rows={options.map((o) => ({ id: o.id, label: o.text, count: counts[o.id] ?? 0 }))} total={responses} label={t('polls.results.label')} />
      {multiple && <p className="hint">{t('polls.results.multipleNote')}</p>}
    </div>
  );
}
