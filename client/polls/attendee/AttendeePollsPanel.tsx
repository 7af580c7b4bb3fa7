/**
 * The polls part of the attendee page: the presented and open polls with their answer forms (or the quiz),
 * my answers as the server keeps them (snapshot + personal changes, so a reload or a second tab shows them),
 * results as far as each poll's visibility sends them, and the closed polls folded away under "earlier".
 * Nothing at all while the event has no published poll.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerPayload, PublicPoll } from '../../../shared/polls/index.js';
import { useEventState } from '../../kernel/react.js';
import { AttendeePoll } from '../AttendeePoll.js';
import { attendeePolls, wallEntries } from '../selectors.js';
import type { PollsData } from '../slice.js';
import { serverNow, usePollSend } from '../usePollCommand.js';
import '../polls.css';
import '../panels.css';

export default function PollsAttendeePanel() {
  const { t } = useTranslation();
  const data = useEventState((s) => s.synced.polls);
  const offset = useEventState((s) => s.synced.clockOffsetMs);
  const now = useMemo(() => serverNow(offset), [offset]);
  const { current, earlier } = useMemo(() => attendeePolls(data), [data]);
  if (current.length === 0 && earlier.length === 0) return null;
  return (
    <section className="card polls-attendee" aria-labelledby="polls-attendee-heading">
      <h2 id="polls-attendee-heading">{t('polls.attendee.heading')}</h2>
      {current.length === 0 && <p className="notice notice-quiet">{t('polls.attendee.none')}</p>}
      {current.map((poll) => (
        <OnePoll key={poll.id} poll={poll} data={data} now={now} />
      ))}
      {earlier.length > 0 && (
        <details className="polls-earlier">
          <summary>{t('polls.attendee.earlier', { count: earlier.length })}</summary>
          {earlier.map((poll) => (
            <OnePoll key={poll.id} poll={poll} data={data} now={now} />
          ))}
        </details>
      )}
    </section>
  );
}

function OnePoll({ poll, data, now }: { poll: PublicPoll; data: PollsData; now: () => number }) {
  const send = usePollSend();
  const pollId = poll.id;
  const onSubmit = useMemo(() => (answer: AnswerPayload) => send('polls:answer', { pollId, answer }), [send, pollId]);
  const onNickname = useMemo(() => (nickname: string) => send('polls:nickname', { pollId, nickname }), [send, pollId]);
  const entries = useMemo(() => wallEntries(data, pollId), [data, pollId]);
  return (
    <AttendeePoll
      poll={poll}
      mine={data.mine[pollId] ?? null}
      myQuiz={data.myQuizzes[pollId] ?? null}
      entries={entries}
      onSubmit={onSubmit}
      onNickname={onNickname}
      now={now}
    />
  );
}
