/** The most frequent words as a numbered list (attendees, and the accessible form of the cloud). */
import { useTranslation } from 'react-i18next';
import type { WordCount } from '../../../shared/polls/schemas.js';

export function TopWords({ words, limit, label, className }: { words: readonly WordCount[]; limit?: number; label?: string; className?: string }) {
  const { t } = useTranslation();
  const shown = limit ? words.slice(0, limit) : words;
  if (shown.length === 0) return <p className="hint">{t('polls.words.none')}</p>;
  return (
    <ol className={`poll-topwords ${className ?? ''}`} aria-label={label ?? t('polls.words.top')}>
      {shown.map((w) => (
        <li key={w.text}>
          <span className="poll-topwords-text">{w.text}</span>
          <span className="poll-topwords-count">{t('polls.words.count', { count: w.count })}</span>
        </li>
      ))}
    </ol>
  );
}
