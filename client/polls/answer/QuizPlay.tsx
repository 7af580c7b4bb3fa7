/**
 * The attendee's side of a quiz: nickname first, then the lobby, each question with its countdown, the
 * feedback after each question (right/wrong, points, the correct answer), the leaderboard, and the end.
 */
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import type { MyQuiz, PublicQuizRun } from '../../../shared/polls/schemas.js';
import { Button } from '../../ui/Button.js';
import { Countdown } from '../Countdown.js';
import { PollErrorText } from '../PollErrorText.js';
import { Leaderboard } from '../results/Leaderboard.js';
import { QuizQuestionBars } from '../results/QuizResults.js';
import type { NowFn, PollAck, SubmitAnswer } from '../types.js';
import { useSubmit } from '../useSubmit.js';

export function ScoringRule() {
  const { t } = useTranslation();
  return <p className="hint poll-scoring">{t('polls.quiz.rule')}</p>;
}

export function NicknameForm({ onNickname, current }: { onNickname(nickname: string): Promise<PollAck<object>>; current?: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [nick, setNick] = useState(current ?? '');
  const submit = useSubmit(onNickname);
  const trimmed = nick.trim();
  return (
    <form
      className="poll-nickname"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!trimmed || trimmed.length > POLL_LIMITS.nicknameMax) return;
        await submit.run(trimmed);
      }}
    >
      <label htmlFor={id}>{t('polls.quiz.nickname')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('polls.quiz.nicknameHint', { max: POLL_LIMITS.nicknameMax })}
      </p>
      <div className="inline-row">
        <input id={id} type="text" autoComplete="nickname" maxLength={POLL_LIMITS.nicknameMax} value={nick} aria-describedby={`${id}-hint`} onChange={(e) => setNick(e.target.value)} />
        <Button type="submit" variant="primary" busy={submit.busy} disabled={!trimmed}>
          {t('polls.quiz.join')}
        </Button>
      </div>
      <PollErrorText error={submit.error} context="nickname" />
    </form>
  );
}

export function QuizFeedback({ correct, points, correctTexts }: { correct: boolean | null; points: number; correctTexts: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div className={`poll-feedback ${correct ? 'is-right' : 'is-wrong'}`} role="status">
      <p className="poll-feedback-verdict">
        <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
        {correct === null ? t('polls.quiz.noAnswer') : correct ? t('polls.quiz.right') : t('polls.quiz.wrong')}
      </p>
      {correct && <p>{t('polls.quiz.points', { count: points })}</p>}
      <p>{t('polls.quiz.correctWas', { count: correctTexts.length, answer: correctTexts.join(', ') })}</p>
    </div>
  );
}

export interface QuizPlayProps {
  title: string;
  run: PublicQuizRun;
  myQuiz: MyQuiz | null;
  onNickname(nickname: string): Promise<PollAck<object>>;
  onSubmit: SubmitAnswer;
  now?: NowFn;
}

export function QuizPlay({ title, run, myQuiz, onNickname, onSubmit, now = Date.now }: QuizPlayProps) {
  const { t } = useTranslation();
  const q = run.question;
  const mineForQ = q ? myQuiz?.answers.find((a) => a.questionId === q.id) : undefined;
  const [timeUp, setTimeUp] = useState(false);
  const expire = useCallback(() => setTimeUp(true), []);

  return (
    <section className="poll-quiz" aria-label={title}>
      <h2 className="poll-question">{title}</h2>
      {run.phase !== 'finished' && !myQuiz?.nickname && (
        <>
          <NicknameForm onNickname={onNickname} />
          <ScoringRule />
        </>
      )}
      {myQuiz?.nickname && (
        <p className="hint">
          {t('polls.quiz.playingAs', { nickname: myQuiz.nickname })}
          {myQuiz.rank !== null && ` · ${t('polls.quiz.yourRank', { rank: myQuiz.rank, count: myQuiz.score })}`}
        </p>
      )}
      {run.phase === 'lobby' && myQuiz?.nickname && (
        <>
          <p className="notice">{t('polls.quiz.lobby', { count: run.questionCount })}</p>
          <ScoringRule />
        </>
      )}
      {q && (run.phase === 'question' || run.phase === 'review') && (
        <p className="poll-quiz-progress">{t('polls.quiz.progress', { n: run.index + 1, total: run.questionCount })}</p>
      )}
      {q && run.phase === 'question' && (
        <>
          {run.questionEndsAt && <Countdown key={q.id} endsAt={run.questionEndsAt} now={now} onExpire={expire} />}
          {mineForQ ? (
            <p className="notice" role="status">
              {t('polls.quiz.answered')}
            </p>
          ) : (
            <QuizQuestionForm key={q.id} question={q} disabled={!myQuiz?.nickname || timeUp} onSubmit={onSubmit} />
          )}
        </>
      )}
      {q && run.phase === 'review' && (
        <>
          <h3 className="poll-question">{q.text}</h3>
          <QuizFeedback
            correct={mineForQ ? mineForQ.correct : null}
            points={mineForQ?.points ?? 0}
            correctTexts={q.options.filter((o) => q.correct?.includes(o.id)).map((o) => o.text)}
          />
          {q.counts && (
            <QuizQuestionBars options={q.options} counts={q.counts} correct={q.correct ?? []} answered={q.answered ?? 0} />
          )}
          <Leaderboard entries={run.leaderboard} me={myQuiz?.nickname} />
        </>
      )}
      {run.phase === 'finished' && (
        <>
          <p className="notice">{myQuiz?.rank ? t('polls.quiz.finishedRank', { rank: myQuiz.rank, count: myQuiz.score }) : t('polls.quiz.finished')}</p>
          <Leaderboard entries={run.leaderboard} me={myQuiz?.nickname} final />
        </>
      )}
    </section>
  );
}

function QuizQuestionForm({ question, disabled, onSubmit }: { question: NonNullable<PublicQuizRun['question']>; disabled: boolean; onSubmit: SubmitAnswer }) {
  const { t } = useTranslation();
  const name = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const submit = useSubmit(onSubmit);
  const multiple = question.kind === 'multiple';
  return (
    <form
      className="poll-answer"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (disabled || chosen.length === 0) return;
        await submit.run({ type: 'quiz', questionId: question.id, optionIds: question.options.filter((o) => chosen.includes(o.id)).map((o) => o.id) });
      }}
    >
      <fieldset disabled={disabled}>
        <legend className="poll-question">{question.text}</legend>
        {multiple && <p className="hint">{t('polls.quiz.multipleHint')}</p>}
        <ul className="poll-options" role="presentation">
          {question.options.map((o) => (
            <li key={o.id}>
              <label className="poll-option">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={name}
                  checked={chosen.includes(o.id)}
                  onChange={() => setChosen(multiple ? (chosen.includes(o.id) ? chosen.filter((x) => x !== o.id) : [...chosen, o.id]) : [o.id])}
                />
                <span className="poll-option-text">{o.text}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="actions">
        <Button type="submit" variant="primary" busy={submit.busy} disabled={disabled || chosen.length === 0}>
          {t('polls.answer.submit')}
        </Button>
      </div>
      <PollErrorText error={submit.error} context="quiz" />
    </form>
  );
}
