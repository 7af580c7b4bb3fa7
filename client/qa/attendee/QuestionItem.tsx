import { useTranslation } from 'react-i18next';
import type { AttendeeItem } from '../selectors.js';
import { canChangeOwn } from '../selectors.js';
import { QuestionBody } from '../QuestionBody.js';
import { OwnActions } from './OwnActions.js';
import { VoteButton } from './VoteButton.js';

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
    </>
  );
  const votable = question.state === 'live' || question.state === 'answered';
  return (
    <Tag className={`q-item${mine ? ' is-mine' : ''}`} data-question-id={question.id}>
      <div className="q-main">
        <QuestionBody question={question} badges={badges} />
        {mine && canChangeOwn(question.state) && <OwnActions question={question} />}
      </div>
      {votable && <VoteButton question={question} voted={voted} />}
    </Tag>
  );
}
