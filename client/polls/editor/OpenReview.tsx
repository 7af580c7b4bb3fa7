/**
 * Moderators review open-text answers before they reach the wall (like questions): pending first, each
 * with approve / reject, and several at once via checkboxes. `onReview` sends `polls:review`.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenEntry } from '../../../shared/polls/schemas.js';
import { Button } from '../../ui/Button.js';
import { PollErrorText } from '../PollErrorText.js';
import type { PollAck } from '../types.js';
import { useSubmit } from '../useSubmit.js';

export interface OpenReviewProps {
  entries: readonly OpenEntry[];
  onReview(input: { entryIds: string[]; decision: 'approve' | 'reject' }): Promise<PollAck<object>>;
}

const ORDER = { pending: 0, approved: 1, rejected: 2 } as const;

export function OpenReview({ entries, onReview }: OpenReviewProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const [selected, setSelected] = useState<string[]>([]);
  const review = useSubmit(onReview);
  const sorted = [...entries].sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.createdAt.localeCompare(b.createdAt));
  const pending = entries.filter((e) => e.state === 'pending').length;
  const run = async (entryIds: string[], decision: 'approve' | 'reject') => {
    const ack = await review.run({ entryIds, decision });
    if (ack.ok) setSelected((s) => s.filter((id) => !entryIds.includes(id)));
  };
  return (
    <section className="poll-review" aria-labelledby={`${baseId}-h`}>
      <h3 id={`${baseId}-h`}>{t('polls.review.title', { count: pending })}</h3>
      {entries.length === 0 ? (
        <p className="hint">{t('polls.review.empty')}</p>
      ) : (
        <>
          <div className="actions" role="group" aria-label={t('polls.review.bulk')}>
            <Button size="sm" disabled={selected.length === 0} busy={review.busy} onClick={() => run(selected, 'approve')}>
              {t('polls.review.approveSelected', { count: selected.length })}
            </Button>
            <Button size="sm" variant="danger" disabled={selected.length === 0} busy={review.busy} onClick={() => run(selected, 'reject')}>
              {t('polls.review.rejectSelected', { count: selected.length })}
            </Button>
          </div>
          <ul className="poll-review-list">
            {sorted.map((e) => (
              <li key={e.id} className={`poll-review-item is-${e.state}`}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={selected.includes(e.id)}
                    onChange={(ev) => setSelected(ev.target.checked ? [...selected, e.id] : selected.filter((id) => id !== e.id))}
                  />
                  <span className="sr-only">{t('polls.review.select', { text: e.text.slice(0, 60) })}</span>
                </label>
                <div className="poll-review-body">
                  <p className="poll-wall-text">{e.text}</p>
                  <p className="hint">
                    {t(`polls.review.state.${e.state}`)}
                    {e.name ? ` · ${e.name}` : ''}
                  </p>
                </div>
                <span className="poll-review-tools">
                  {e.state !== 'approved' && (
                    <Button size="sm" variant="primary" onClick={() => run([e.id], 'approve')} aria-label={t('polls.review.approveOne', { text: e.text.slice(0, 60) })}>
                      {t('polls.review.approve')}
                    </Button>
                  )}
                  {e.state !== 'rejected' && (
                    <Button size="sm" onClick={() => run([e.id], 'reject')} aria-label={t('polls.review.rejectOne', { text: e.text.slice(0, 60) })}>
                      {t('polls.review.reject')}
                    </Button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <PollErrorText error={review.error} context="review" />
    </section>
  );
}
