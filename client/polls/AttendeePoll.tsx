/**
 * One poll as an attendee sees it: the answer form (or the quiz), the countdown of a timed poll, and the
 * results when the visibility rule sends them. Plain props from the store slice; callbacks send commands.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyAnswer, MyQuiz, OpenEntry, PublicPoll } from '../../shared/polls/schemas.js';
import { PollAnswer } from './answer/PollAnswer.js';
import { QuizPlay } from './answer/QuizPlay.js';
import { Countdown } from './Countdown.js';
import { PollResultsView } from './results/PollResultsView.js';
import type { NowFn, PollAck, SubmitAnswer } from './types.js';

export interface AttendeePollProps {
  poll: PublicPoll;
  mine?: MyAnswer | null;
  myQuiz?: MyQuiz | null;
  /** Approved open-text entries of this poll. */
  entries?: readonly OpenEntry[];
  onSubmit: SubmitAnswer;
  onNickname?(nickname: string): Promise<PollAck<object>>;
  now?: NowFn;
}

export function AttendeePoll({ poll, mine, myQuiz = null, entries = [], onSubmit, onNickname, now = Date.now }: AttendeePollProps) {
  const { t } = useTranslation();
  const [, setExpired] = useState(false);
  const expire = useCallback(() => setExpired(true), []);
  const def = poll.definition;
  if (def.type === 'quiz') {
    if (!poll.quiz) return <p className="notice">{t('polls.status.notStarted')}</p>;
    return (
      <QuizPlay
        title={def.question}
        run={poll.quiz}
        myQuiz={myQuiz}
        onNickname={onNickname ?? (async () => ({ ok: false, error: { code: 'internal' } }))}
        onSubmit={onSubmit}
        now={now}
      />
    );
  }
  const open = poll.status === 'open' && (poll.closesAt === null || Date.parse(poll.closesAt) > now());
  return (
    <article className="poll-card" aria-label={def.question}>
      {open && poll.closesAt && <Countdown endsAt={poll.closesAt} now={now} label={t('polls.status.closesIn')} onExpire={expire} />}
      <PollAnswer
        definition={def}
        mine={mine?.answer ?? null}
        openState={mine?.openState ?? null}
        allowChange={poll.settings.allowChange}
        closed={!open}
        onSubmit={onSubmit}
      />
      {poll.results && (
        <section aria-label={t('polls.results.label')}>
          <h3>{t('polls.results.label')}</h3>
          <PollResultsView definition={def} results={poll.results} responses={poll.responses} entries={entries} />
        </section>
      )}
    </article>
  );
}
