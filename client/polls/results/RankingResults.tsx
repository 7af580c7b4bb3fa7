/** Ranking results: items by Borda score with the points, how many ranked, and how the score works. */
import { useTranslation } from 'react-i18next';
import type { PollOption } from '../../../shared/polls/schemas.js';
import { ResponsesLine } from './ChoiceResults.js';

export function RankingResults({ items, scores, responses, present }: {
  items: readonly PollOption[];
  scores: Readonly<Record<string, number>>;
  responses: number;
  present?: number | null;
}) {
  const { t } = useTranslation();
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => (scores[b.item.id] ?? 0) - (scores[a.item.id] ?? 0) || a.i - b.i);
  const max = Math.max(1, (items.length - 1) * responses);
  return (
    <div className="poll-results">
      <ResponsesLine responses={responses} present={present} />
      <ol className="poll-bars poll-ranking-results" aria-label={t('polls.ranking.resultLabel')}>
        {sorted.map(({ item }) => {
          const s = scores[item.id] ?? 0;
          return (
            <li key={item.id} className="poll-bar">
              <div className="poll-bar-head">
                <span className="poll-bar-label">{item.text}</span>
                <span className="poll-bar-figure">{t('polls.ranking.score', { count: s })}</span>
              </div>
              <div className="poll-bar-track" aria-hidden="true">
                <div className="poll-bar-fill" style={{ width: `${Math.round((100 * s) / max)}%` }} />
              </div>
            </li>
          );
        })}
      </ol>
      <p className="hint">{t('polls.ranking.borda', { top: Math.max(0, items.length - 1) })}</p>
    </div>
  );
}
