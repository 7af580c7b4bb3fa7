import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import type { AttendeeItem } from '../selectors.js';
import { canChangeOwn } from '../selectors.js';
import { QuestionBody } from '../QuestionBody.js';
import { OwnActions } from './OwnActions.js';
import { VoteButton } from './VoteButton.js';

/** Where a merged question went: the kept question's text and a jump to it in the list. */
function MergedInto({ id }: { id: string }) {
  const { t } = useTranslation();
  const target = useEventState((s) => s.synced.qa.questions[id]);
  return (
    <p className="merged-into">
      {t('qa.mergedInto', { text: target?.text ?? '…' })}{' '}
      {target && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            const el = document.querySelector<HTMLElement>(`[data-question-id="${CSS.escape(id)}"]`);
            el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
            el?.querySelector<HTMLElement>('button')?.focus();
          }}
        >
          {t('qa.goToQuestion')}
        </button>
      )}
    </p>
  );
}

/** One question in the attendee list, with the marks that matter to its author. */
export function QuestionItem({ item, as: Tag = 'li' }: { item: AttendeeItem; as?: 'li' | 'div' }) {
  const { t } = useTranslation();
  const { question, mine, voted } = item;
  const badges = (
    <>
      {mine && <span className="badge badge-mine">{t('qa.badge.mine')}</span>}
      {question.state === 'pending' && <span className="badge badge-pending">{t('qa.badge.pending')}</span>}
      {question.state === 'rejected' && <span className="badge badge-rejected">{t('qa.badge.rejected')}</span>}
      {question.state === 'answered' && <span className="badge badge-answered">{t('qa.badge.answered')}</span>}
      {question.state === 'merged' && <span className="badge badge-merged">{t('qa.badge.merged')}</span>}
    </>
  );
  const votable = question.state === 'live' || question.state === 'answered';
  return (
    <Tag className={`q-item${mine ? ' is-mine' : ''}`} data-question-id={question.id}>
      <div className="q-main">
        <QuestionBody question={question} badges={badges} />
        {mine && question.state !== 'withdrawn' && <OwnActions question={question} canEdit={canChangeOwn(question.state)} />}
        {question.mergedInto && <MergedInto id={question.mergedInto} />}
      </div>
      {votable && <VoteButton question={question} voted={voted} />}
    </Tag>
  );
}
