/**
 * The presented poll on the stage (and the moderator's preview): the question large, the countdown, the
 * results with the real word cloud, and for quizzes the running question, its review and the leaderboard.
 */
import { useTranslation } from 'react-i18next';
import type { OpenEntry, PollDefinition, PublicDefinition, PublicQuizRun, PollResults, QuizRun } from '../../shared/polls/schemas.js';
import { Countdown } from './Countdown.js';
import { Leaderboard } from './results/Leaderboard.js';
import { PollResultsView } from './results/PollResultsView.js';
import { QuizQuestionBars } from './results/QuizResults.js';
import type { NowFn } from './types.js';

export interface StagePollProps {
  poll: {
    status: 'draft' | 'open' | 'closed';
    definition: PublicDefinition | PollDefinition;
    closesAt: string | null;
    responses: number;
    results: PollResults | null;
    quiz: PublicQuizRun | QuizRun | null;
  };
  entries?: readonly OpenEntry[];
  /** Staff preview: attendees present now. */
  present?: number | null;
  now?: NowFn;
  /** The word cloud's layout size (see PollResultsView). */
  cloudSize?: readonly [number, number];
}

export function StagePoll({ poll, entries = [], present, now = Date.now, cloudSize }: StagePollProps) {
  const { t } = useTranslation();
  const def = poll.definition;
  const run = poll.quiz;
  const question = run && 'question' in run ? run.question : null;
  return (
    <article className="poll-stage" aria-label={def.question}>
      <h2 className="poll-stage-question">{def.question}</h2>
      {def.type !== 'quiz' && poll.status === 'open' && poll.closesAt && <Countdown endsAt={poll.closesAt} now={now} label={t('polls.status.closesIn')} />}
      {def.type !== 'quiz' && (
        <PollResultsView definition={def} results={poll.results} responses={poll.responses} present={present} entries={entries} cloud cloudSize={cloudSize} />
      )}
      {def.type === 'quiz' && run && (
        <>
          {run.phase === 'lobby' && <p className="notice">{t('polls.stage.lobby', { count: run.players })}</p>}
          {question && run.phase !== 'lobby' && run.phase !== 'finished' && (
            <>
              <p className="poll-quiz-progress">{t('polls.quiz.progress', { n: run.index + 1, total: 'questionCount' in run ? run.questionCount : run.index + 1 })}</p>
              <h3 className="poll-stage-question">{question.text}</h3>
              {run.phase === 'question' && run.questionEndsAt && <Countdown key={question.id} endsAt={run.questionEndsAt} now={now} />}
              {run.phase === 'question' && (
                <ol className="poll-stage-options">
                  {question.options.map((o) => (
                    <li key={o.id}>{o.text}</li>
                  ))}
                </ol>
              )}
              {run.phase === 'review' && question.counts && (
                <QuizQuestionBars options={question.options} counts={question.counts} correct={question.correct ?? []} answered={question.answered ?? 0} />
              )}
            </>
          )}
          {(run.phase === 'review' || run.phase === 'finished') && <Leaderboard entries={run.leaderboard} final={run.phase === 'finished'} />}
        </>
      )}
    </article>
  );
}
