/**
 * The polls part of the attendee page: the presented and open polls with their answer forms (or the quiz),
 * my answers as the server keeps them (snapshot + personal changes, so a reload or a second tab shows them),
 * results as far as each poll's visibility sends them, and the closed polls folded away under "earlier".
 * Nothing at all while the event has no published poll.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerPayload, PublicPoll } from '../../../shared/polls/index.js';
import { useEventState } from '../../kernel/react.js';
import { AttendeePoll } from '../AttendeePoll.js';
import { RetractAnswer } from './RetractAnswer.js';
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
  const mine = data.mine[pollId] ?? null;
  const own = useOwnAnswers();
  const formKey = useFormKey(mine?.answeredAt ?? null, own);
  const onSubmit = useMemo(
    () => async (answer: AnswerPayload) => {
      own.pending.current = true;
      try {
        const ack = await send('polls:answer', { pollId, answer });
        if (ack.ok) own.times.current.add(ack.mine.answeredAt ?? '');
        return ack;
      } finally {
        own.pending.current = false;
      }
    },
    [send, pollId, own],
  );
  const onNickname = useMemo(() => (nickname: string) => send('polls:nickname', { pollId, nickname }), [send, pollId]);
  const entries = useMemo(() => wallEntries(data, pollId), [data, pollId]);
  const myQuiz = data.myQuizzes[pollId] ?? null;
  const answered = (mine?.answer ?? null) !== null || (myQuiz !== null && (myQuiz.nickname !== null || myQuiz.answers.length > 0));
  return (
    <>
      <AttendeePoll
        key={formKey}
        poll={poll}
        mine={mine}
        myQuiz={myQuiz}
        entries={entries}
        onSubmit={onSubmit}
        onNickname={onNickname}
        now={now}
      />
      <RetractAnswer pollId={pollId} quiz={poll.definition.type === 'quiz'} answered={answered} />
    </>
  );
}

/** The answers this form sent: one in flight (the store may take its ack before the submit code does) and the times of those accepted. */
function useOwnAnswers() {
  const pending = useRef(false);
  const times = useRef(new Set<string>());
  return useMemo(() => ({ pending, times }), []);
}

/**
 * The answer forms take my answer as their initial input. When it changes from elsewhere (another tab, a
 * reset), the form starts again from the new answer; after my own submit it stays (with its confirmation).
 * Compared by time, not content: the server stores words cleaned up.
 */
function useFormKey(answeredAt: string | null, own: ReturnType<typeof useOwnAnswers>): number {
  const [seen, setSeen] = useState(answeredAt);
  const [key, setKey] = useState(0);
  if (seen !== answeredAt) {
    setSeen(answeredAt);
    const mineNow = own.pending.current || (answeredAt !== null && own.times.current.has(answeredAt));
    if (!mineNow) setKey((k) => k + 1);
  }
  return key;
}
