/**
 * The attendee's view of the Q&A: the question on stage pinned on top, own questions under review, the
 * pending count, and the live (or answered) list sorted by popularity or recency.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { Segmented } from '../../ui/Segmented.js';
import { attendeeView, type AttendeeSort, type AttendeeTab } from '../selectors.js';
import { OlderAnswered } from '../OlderAnswered.js';
import { QuestionItem } from './QuestionItem.js';

export function QuestionBoard() {
  const { t } = useTranslation();
  const qa = useEventState((s) => s.synced.qa);
  const [sort, setSort] = useState<AttendeeSort>('popular');
  const [tab, setTab] = useState<AttendeeTab>('open');
  const view = useMemo(() => attendeeView(qa, sort, tab), [qa, sort, tab]);
  const synced = useEventState((s) => s.synced.seq >= 0);
  const announcement = useNewQuestionAnnouncement(qa.questions, qa.own, synced);

  return (
    <>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {view.highlighted && (
        <section className="on-stage" aria-labelledby="on-stage-heading">
          <h2 id="on-stage-heading" className="on-stage-title">
            <span className="live-dot" aria-hidden="true" />
            {t('qa.onStage')}
          </h2>
          <QuestionItem item={view.highlighted} as="div" />
        </section>
      )}

      {qa.pendingCount > 0 && <p className="notice notice-quiet">{t('qa.pendingCount', { count: qa.pendingCount })}</p>}

      {view.ownInReview.length > 0 && (
        <section aria-labelledby="own-review-heading">
          <h2 id="own-review-heading">{t('qa.ownInReview')}</h2>
          <ul className="q-list">
            {view.ownInReview.map((item) => (
              <QuestionItem key={item.question.id} item={item} />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="questions-heading">
        <div className="list-head">
          <h2 id="questions-heading">{t('qa.questions')}</h2>
          <div className="list-controls">
            <Segmented<AttendeeTab>
              label={t('qa.show')}
              value={tab}
              onChange={setTab}
              options={[
                { value: 'open', label: t('qa.tab.open', { count: view.openCount }) },
                { value: 'answered', label: t('qa.tab.answered', { count: view.answeredCount }) },
              ]}
            />
            <Segmented<AttendeeSort>
              label={t('qa.sort.label')}
              value={sort}
              onChange={setSort}
              options={[
                { value: 'popular', label: t('qa.sort.popular') },
                { value: 'recent', label: t('qa.sort.recent') },
              ]}
            />
          </div>
        </div>
        {view.items.length === 0 ? (
          <p className="empty">{tab === 'open' ? t('qa.emptyOpen') : t('qa.emptyAnswered')}</p>
        ) : (
          <ul className="q-list" aria-label={tab === 'open' ? t('qa.listOpen') : t('qa.listAnswered')}>
            {view.items.map((item) => (
              <QuestionItem key={item.question.id} item={item} />
            ))}
          </ul>
        )}
        {tab === 'answered' && <OlderAnswered />}
      </section>
    </>
  );
}

/** Announces questions that newly went live (not the user's own, which they just saw being sent). */
function useNewQuestionAnnouncement(
  questions: Readonly<Record<string, { state: string }>>,
  own: Readonly<Record<string, unknown>>,
  synced: boolean,
): string {
  const { t } = useTranslation();
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!synced) return;
    const live = Object.entries(questions).filter(([, q]) => q.state === 'live').map(([id]) => id);
    if (seen.current === null) {
      seen.current = new Set(live);
      return;
    }
    const fresh = live.filter((id) => !seen.current!.has(id) && !(id in own));
    for (const id of live) seen.current.add(id);
    if (fresh.length > 0) setMessage(t('qa.newQuestions', { count: fresh.length }));
  }, [questions, own, synced, t]);
  return message;
}
