/** Quiz leaderboard: equal scores share a rank (1, 1, 3), marked as shared; the attendee's own row is marked. */
import { useTranslation } from 'react-i18next';
import type { LeaderboardEntry } from '../../../shared/polls/schemas.js';

export function Leaderboard({ entries, me, title, final = false }: { entries: readonly LeaderboardEntry[]; me?: string | null; title?: string; final?: boolean }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const shared = (rank: number) => entries.filter((e) => e.rank === rank).length > 1;
  const heading = title ?? (final ? t('polls.leaderboard.final') : t('polls.leaderboard.title'));
  return (
    <section className="poll-leaderboard" aria-label={heading}>
      <h3>{heading}</h3>
      {entries.length === 0 ? (
        <p className="hint">{t('polls.leaderboard.empty')}</p>
      ) : (
        <ol className="poll-leaderboard-list">
          {entries.map((e) => {
            const mine = me !== undefined && me !== null && e.nickname === me;
            return (
              <li key={`${e.rank}-${e.nickname}`} className={mine ? 'is-me' : undefined} aria-current={mine || undefined}>
                <span className="poll-leaderboard-rank">
                  {e.rank}.{shared(e.rank) && <span className="sr-only"> {t('polls.leaderboard.shared')}</span>}
                  {shared(e.rank) && <span aria-hidden="true" title={t('polls.leaderboard.shared')}>=</span>}
                </span>
                <span className="poll-leaderboard-name">
                  {e.nickname}
                  {mine && <span className="poll-badge">{t('polls.leaderboard.you')}</span>}
                </span>
                <span className="poll-leaderboard-score">{t('polls.leaderboard.points', { count: e.score, points: nf.format(e.score) })}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
