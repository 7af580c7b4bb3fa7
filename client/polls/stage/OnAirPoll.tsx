/**
 * A poll on air (stage feature, ClientFeature.onAir.poll and .leaderboard): the presenter screen shows the
 * poll's live results with the stage components (bars, word cloud, ranking, quiz); the overlay a compact
 * version of the same; a leaderboard item only the quiz's leaderboard. These components are sized in rem,
 * so the fit scales them by `zoom` (FitText mode zoom) until everything shows whole.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnAirProps } from '../../kernel/feature.js';
import { useEventState } from '../../kernel/react.js';
import { FitText } from '../../ui/FitText.js';
import { Leaderboard } from '../results/Leaderboard.js';
import { wallEntries } from '../selectors.js';
import { StagePoll } from '../StagePoll.js';
import { serverNow } from '../usePollCommand.js';
import '../polls.css';
import '../panels.css';
import './onair.css';

/** Word-cloud layout areas: wide enough that 40 words of up to 40 letters find a place. */
const ROOM_CLOUD = [3200, 1150] as const;
const OVERLAY_CLOUD = [1400, 800] as const;

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export default function OnAirPoll({ item, variant }: OnAirProps) {
  const { t } = useTranslation();
  const pollId = 'pollId' in item ? String(item.pollId) : '';
  const poll = useEventState((s) => s.synced.polls.polls[pollId]);
  const data = useEventState((s) => s.synced.polls);
  const offset = useEventState((s) => s.synced.clockOffsetMs);
  const now = useMemo(() => serverNow(offset), [offset]);
  const entries = useMemo(() => (poll ? wallEntries(data, poll.id) : []), [data, poll]);
  const leaderboard = item.kind === 'leaderboard';
  if (!poll) return variant === 'line' ? <>{t('polls.onAir.gone')}</> : <p className="onair-poll-gone">{t('polls.onAir.gone')}</p>;
  const question = poll.definition.question;
  if (variant === 'line') return <>{t(leaderboard ? 'polls.onAir.leaderboardLine' : 'polls.onAir.line', { text: clip(question) })}</>;
  // Refit whenever the numbers change (new answers can add lines or widen labels).
  const watch = JSON.stringify([poll.results, poll.responses, poll.quiz?.phase, poll.quiz?.index, poll.status, entries.length]);
  return (
    <FitText mode="zoom" className={`onair-poll is-${variant}`} min={0.15} max={variant === 'room' ? 2.2 : 1.4} watch={watch}>
      {leaderboard ? (
        <div className="poll-stage">
          <h2 className="poll-stage-question">{question}</h2>
          <Leaderboard entries={poll.quiz?.leaderboard ?? []} final={poll.quiz?.phase === 'finished'} />
        </div>
      ) : (
        <StagePoll key={poll.id} poll={poll} entries={entries} now={now} cloudSize={variant === 'room' ? ROOM_CLOUD : OVERLAY_CLOUD} />
      )}
    </FitText>
  );
}
