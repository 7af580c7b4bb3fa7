/**
 * Running a quiz: start the first question from the lobby, end a running question early, go on to the next
 * question after a review, finish after the last; the current question with its countdown, and the
 * leaderboard after each question and at the end.
 */
import { useTranslation } from 'react-i18next';
import type { PollCommandName, PollCommandPayload, PollCommandResult, StaffPoll } from '../../../shared/polls/index.js';
import { Button } from '../../ui/Button.js';
import { Countdown } from '../Countdown.js';
import { Leaderboard } from '../results/Leaderboard.js';
import { staffQuizQuestion } from '../selectors.js';
import type { NowFn, PollAck } from '../types.js';

type Run = <K extends PollCommandName>(name: K, payload: PollCommandPayload<K>) => Promise<PollAck<PollCommandResult<K>>>;

export function QuizControls({ poll, run, busy, now }: { poll: StaffPoll; run: Run; busy: string | null; now: NowFn }) {
  const { t } = useTranslation();
  const quiz = poll.quiz;
  if (!quiz || poll.definition.type !== 'quiz') return null;
  const total = poll.definition.questions.length;
  const question = staffQuizQuestion(poll);
  const id = poll.id;
  const last = quiz.index + 1 >= total;
  // A finished (closed) quiz keeps its final leaderboard here, without run buttons.
  const running = poll.status === 'open';
  return (
    <section className="poll-mod-quiz" aria-label={t('polls.mod.quiz.label')}>
      <p className="poll-quiz-progress">
        {quiz.phase === 'lobby'
          ? t('polls.stage.lobby', { count: quiz.players })
          : t('polls.quiz.progress', { n: quiz.index + 1, total })}
      </p>
      {running && question && quiz.phase === 'question' && (
        <>
          <p className="poll-mod-quiz-question">{question.text}</p>
          {quiz.questionEndsAt && <Countdown key={question.id} endsAt={quiz.questionEndsAt} now={now} />}
        </>
      )}
      {running && (
        <div className="actions">
          {quiz.phase === 'lobby' && (
            <Button variant="primary" busy={busy === 'polls:quizNext'} onClick={() => run('polls:quizNext', { id })}>
              {t('polls.mod.quiz.start')}
            </Button>
          )}
          {quiz.phase === 'question' && (
            <Button variant="primary" busy={busy === 'polls:quizEndQuestion'} onClick={() => run('polls:quizEndQuestion', { id })}>
              {t('polls.mod.quiz.end')}
            </Button>
          )}
          {quiz.phase === 'review' && (
            <Button variant="primary" busy={busy === 'polls:quizNext'} onClick={() => run('polls:quizNext', { id })}>
              {last ? t('polls.mod.quiz.finish') : t('polls.mod.quiz.next')}
            </Button>
          )}
        </div>
      )}
      {(quiz.phase === 'review' || quiz.phase === 'finished') && <Leaderboard entries={quiz.leaderboard} final={quiz.phase === 'finished'} />}
    </section>
  );
}
