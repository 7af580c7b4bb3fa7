/**
 * The stage's part of polls: the poll the moderator puts on stage (polls:present), large, with its live
 * results (bars, word cloud, ranking, rating, the open-text wall, the quiz and its leaderboard). The server
 * sends the stage its own view (results attendees may not see yet included); when it sends none, the
 * results view says they come later.
 */
import { useMemo } from 'react';
import { useEventState } from '../../kernel/react.js';
import { StagePoll } from '../StagePoll.js';
import { stagePoll, wallEntries } from '../selectors.js';
import { serverNow } from '../usePollCommand.js';
import '../polls.css';
import '../panels.css';

export default function StagePollPanel() {
  const data = useEventState((s) => s.synced.polls);
  const offset = useEventState((s) => s.synced.clockOffsetMs);
  const now = useMemo(() => serverNow(offset), [offset]);
  const poll = stagePoll(data);
  const entries = useMemo(() => (poll ? wallEntries(data, poll.id) : []), [data, poll]);
  if (!poll) return null;
  return (
    <div className="stage-poll">
      <StagePoll key={poll.id} poll={poll} entries={entries} now={now} />
    </div>
  );
}
