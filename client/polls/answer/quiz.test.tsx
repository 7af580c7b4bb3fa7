import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MyQuiz, PublicQuizRun } from '../../../shared/polls/schemas.js';
import { loadPollsI18n } from '../testing.js';
import { QuizPlay } from './QuizPlay.js';

beforeAll(loadPollsI18n);

const START = Date.parse('2026-11-30T10:00:00.000Z');
const question = {
  id: 'q1', text: 'Hauptstadt von Frankreich?', kind: 'single' as const, timeLimitSec: 20,
  options: [{ id: 'a', text: 'Berlin' }, { id: 'b', text: 'Paris' }], correct: null, counts: null, answered: null,
};
const run = (over: Partial<PublicQuizRun> = {}): PublicQuizRun => ({
  phase: 'question', index: 0, questionStartedAt: new Date(START).toISOString(), questionEndsAt: new Date(START + 20_000).toISOString(),
  players: 3, leaderboard: [], questionCount: 2, question, ...over,
});
const me = (over: Partial<MyQuiz> = {}): MyQuiz => ({ pollId: 'p1', nickname: 'Ada', score: 0, rank: null, answers: [], ...over });
const ok = () => vi.fn(async () => ({ ok: true as const }));

describe('quiz play', () => {
  it('asks for a nickname first and explains the scoring rule', async () => {
    const user = userEvent.setup();
    const onNickname = ok();
    render(<QuizPlay title="Hauptstädte" run={run({ phase: 'lobby', index: -1, question: null, questionStartedAt: null, questionEndsAt: null })} myQuiz={null} onNickname={onNickname} onSubmit={ok()} />);
    expect(screen.getByText(/1000 wenn Sie sofort|sofort geantwortet 1000/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Ihr Spitzname für die Bestenliste' }), '  Ada ');
    await user.click(screen.getByRole('button', { name: 'Mitspielen' }));
    expect(onNickname).toHaveBeenCalledWith('Ada');
  });

  it('shows nickname_taken in words', async () => {
    const user = userEvent.setup();
    render(<QuizPlay title="Q" run={run({ phase: 'lobby', index: -1, question: null })} myQuiz={null} onNickname={async () => ({ ok: false, error: { code: 'nickname_taken' } })} onSubmit={ok()} />);
    await user.type(screen.getByRole('textbox'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Mitspielen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Diesen Spitznamen verwendet schon jemand.');
  });

  it('runs a question with a countdown and sends the quiz answer', async () => {
    const user = userEvent.setup();
    const onSubmit = ok();
    render(<QuizPlay title="Hauptstädte" run={run()} myQuiz={me()} onNickname={ok()} onSubmit={onSubmit} now={() => START + 5_000} />);
    expect(screen.getByText('Frage 1 von 2')).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: 'Verbleibende Zeit' })).toHaveTextContent('0:15');
    await user.click(screen.getByRole('radio', { name: 'Paris' }));
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'quiz', questionId: 'q1', optionIds: ['b'] });
  });

  it('disables the answer when the time is up and shows time_up refusals in words', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let now = START + 19_000;
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(<QuizPlay title="Q" run={run()} myQuiz={me()} onNickname={ok()} onSubmit={async () => ({ ok: false, error: { code: 'time_up' } })} now={() => now} />);
      await user.click(screen.getByRole('radio', { name: 'Paris' }));
      await user.click(screen.getByRole('button', { name: 'Absenden' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Die Zeit für diese Frage ist abgelaufen.');
      now = START + 21_000;
      await act(async () => {
        vi.advanceTimersByTime(300);
      });
      expect(screen.getByRole('timer')).toHaveTextContent('0:00');
      expect(screen.getByRole('radio', { name: 'Paris' })).toBeDisabled();
      expect(screen.getByText('Die Zeit ist abgelaufen')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('after answering: waits; in review: right/wrong with points, correct answer and leaderboard', () => {
    const answered = me({ answers: [{ questionId: 'q1', optionIds: ['b'], correct: null, points: 0, answeredAt: new Date(START + 3000).toISOString() }] });
    const { rerender } = render(<QuizPlay title="Q" run={run()} myQuiz={answered} onNickname={ok()} onSubmit={ok()} now={() => START} />);
    expect(screen.getByText('Antwort gespeichert – die Auflösung kommt nach Ablauf der Zeit.')).toBeInTheDocument();

    const review = run({
      phase: 'review',
      question: { ...question, correct: ['b'], counts: { a: 1, b: 2 }, answered: 3 },
      leaderboard: [{ rank: 1, nickname: 'Ada', score: 925, correct: 1 }, { rank: 1, nickname: 'Ben', score: 925, correct: 1 }, { rank: 3, nickname: 'Cem', score: 0, correct: 0 }],
    });
    rerender(<QuizPlay title="Q" run={review} myQuiz={me({ score: 925, rank: 1, answers: [{ ...answered.answers[0]!, correct: true, points: 925 }] })} onNickname={ok()} onSubmit={ok()} />);
    expect(screen.getByText('Richtig!')).toBeInTheDocument();
    expect(screen.getByText('+925 Punkte')).toBeInTheDocument();
    expect(screen.getByText('Richtige Antwort: Paris')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Gewählte Antworten' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Berlin1 · 33 %', 'Parisrichtig2 · 67 %']);
    expect(screen.getByText('Sie spielen als Ada · Platz 1, 925 Punkte')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Bestenliste' })).toHaveTextContent('1. geteilter Platz');

    rerender(<QuizPlay title="Q" run={review} myQuiz={me({ answers: [{ ...answered.answers[0]!, optionIds: ['a'], correct: false, points: 0 }] })} onNickname={ok()} onSubmit={ok()} />);
    expect(screen.getByText('Leider falsch.')).toBeInTheDocument();
    rerender(<QuizPlay title="Q" run={review} myQuiz={me()} onNickname={ok()} onSubmit={ok()} />);
    expect(screen.getByText('Keine Antwort abgegeben.')).toBeInTheDocument();
  });

  it('at the end: final standings and the own place', () => {
    const done = run({ phase: 'finished', index: 1, leaderboard: [{ rank: 1, nickname: 'Ada', score: 1800, correct: 2 }] });
    render(<QuizPlay title="Q" run={done} myQuiz={me({ rank: 1, score: 1800 })} onNickname={ok()} onSubmit={ok()} />);
    expect(screen.getByText('Das Quiz ist beendet. Sie sind auf Platz 1 mit 1800 Punkten.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Endstand' })).toBeInTheDocument();
  });
});
