/** What every view shows of a question: text, author, time, labels and the moderators' reply. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../shared/qa/schemas.js';
import { formatTime } from '../ui/format.js';

export function QuestionBody({ question, badges }: { question: Question; badges?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="q-body">
      <p className="q-text">{question.text}</p>
      <p className="q-meta">
        <span className="q-author">{question.authorName ?? t('qa.anonymous')}</span>
        <span className="sep" aria-hidden="true">
          ·
        </span>
        <time dateTime={question.createdAt}>{formatTime(question.createdAt, i18n.language)}</time>
        {question.labels.length > 0 && (
          <span className="q-labels">
            <span className="sr-only">{t('qa.labels')}: </span>
            {question.labels.map((l) => (
              <span key={l} className="chip">
                {l}
              </span>
            ))}
          </span>
        )}
        {badges}
      </p>
      {question.reply && (
        <div className="q-reply">
          <p className="q-reply-label">{t('qa.reply')}</p>
          <p className="q-reply-text">{question.reply}</p>
        </div>
      )}
    </div>
  );
}
