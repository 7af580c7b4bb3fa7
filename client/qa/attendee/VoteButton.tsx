import { useTranslation } from 'react-i18next';
import type { Question } from '../../../shared/qa/schemas.js';
import { useCommand } from '../../kernel/useCommand.js';
import { ErrorText } from '../../ui/ErrorText.js';

/** Upvote toggle; the count comes from the server's coalesced vote deltas, the pressed state from the ack. */
export function VoteButton({ question, voted }: { question: Question; voted: boolean }) {
  const { t } = useTranslation();
  const vote = useCommand('qa:vote');
  if (question.state !== 'live') {
    return (
      <span className="vote vote-static">
        <span className="vote-count">{question.votes}</span>
        <span className="vote-unit">{t('qa.votes', { count: question.votes })}</span>
      </span>
    );
  }
  return (
    <div className="vote-wrap">
      <button
        type="button"
        className={`vote${voted ? ' is-voted' : ''}`}
        aria-pressed={voted}
        aria-busy={vote.busy || undefined}
        aria-label={t('qa.upvote', { count: question.votes })}
        onClick={() => {
          if (!vote.busy) void vote.run({ id: question.id, up: !voted });
        }}
      >
        <span className="vote-icon" aria-hidden="true">
          {voted ? '▲' : '△'}
        </span>
        <span className="vote-count">{question.votes}</span>
        {voted && (
          <span className="vote-check" aria-hidden="true">
            ✓
          </span>
        )}
      </button>
      <ErrorText error={vote.error} context="vote" />
    </div>
  );
}
