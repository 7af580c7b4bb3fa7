import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublicPoll } from '../../shared/polls/schemas.js';
import { AttendeePoll } from './AttendeePoll.js';
import { StagePoll } from './StagePoll.js';
import { loadPollsI18n } from './testing.js';

beforeAll(loadPollsI18n);

const NOW = Date.parse('2026-11-30T10:00:30.000Z');
const base: PublicPoll = {
  id: 'p1', position: 0, status: 'open',
  definition: { type: 'single', question: 'Lieblingsfarbe?', options: [{ id: 'a', text: 'Rot' }, { id: 'b', text: 'Grün' }] },
  settings: { results: 'live', identity: 'anonymous', allowChange: false, timerSec: 60 },
  openedAt: '2026-11-30T10:00:00.000Z', closesAt: '2026-11-30T10:01:00.000Z', closedAt: null,
  responses: 4, results: { kind: 'choice', counts: { a: 3, b: 1 } }, quiz: null,
};

describe('attendee poll', () => {
  it('open with a timer: countdown, form, live results', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => ({ ok: true as const }));
    render(<AttendeePoll poll={base} onSubmit={onSubmit} now={() => NOW} />);
    expect(screen.getByRole('timer', { name: 'Schließt in' })).toHaveTextContent('0:30');
    await user.click(screen.getByRole('radio', { name: 'Rot' }));
    await user.click(screen.getByRole('button', { name: 'Absenden' }));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'single', optionId: 'a' });
    expect(within(screen.getByRole('region', { name: 'Ergebnisse' })).getByText('4 Antworten')).toBeInTheDocument();
  });

  it('timer over or closed: locked; hidden results say so', () => {
    render(<AttendeePoll poll={{ ...base, results: null }} mine={{ pollId: 'p1', answer: { type: 'single', optionId: 'b' }, answeredAt: null, openState: null }} onSubmit={vi.fn()} now={() => NOW + 60_000} />);
    expect(screen.getByRole('radio', { name: 'Grün' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Grün' })).toBeDisabled();
    expect(screen.getByText('Diese Umfrage nimmt keine Antworten mehr an.')).toBeInTheDocument();
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('a quiz goes to the quiz view', () => {
    const quiz: PublicPoll = {
      ...base, definition: { type: 'quiz', question: 'Hauptstädte', questionCount: 3 }, results: null,
      quiz: { phase: 'lobby', index: -1, questionStartedAt: null, questionEndsAt: null, players: 0, leaderboard: [], question: null, questionCount: 3 },
    };
    render(<AttendeePoll poll={quiz} onSubmit={vi.fn()} onNickname={vi.fn()} now={() => NOW} />);
    expect(screen.getByRole('region', { name: 'Hauptstädte' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Ihr Spitzname für die Bestenliste' })).toBeInTheDocument();
  });
});

describe('stage poll', () => {
  it('question, countdown and results (also when hidden from attendees the stage gets them)', () => {
    render(<StagePoll poll={base} now={() => NOW} />);
    expect(screen.getByRole('heading', { name: 'Lieblingsfarbe?' })).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('0:30');
    expect(screen.getByText('Rot')).toBeInTheDocument();
    expect(screen.getByText('3 · 75 %')).toBeInTheDocument();
  });

  it('quiz in review: bars with the correct answer and the leaderboard', () => {
    const quiz = {
      ...base, definition: { type: 'quiz' as const, question: 'Hauptstädte', questionCount: 2 }, results: null,
      quiz: {
        phase: 'review' as const, index: 0, questionStartedAt: null, questionEndsAt: null, players: 2, questionCount: 2,
        leaderboard: [{ rank: 1, nickname: 'Ada', score: 950, correct: 1 }],
        question: { id: 'q1', text: 'Frankreich?', kind: 'single' as const, timeLimitSec: 20, options: [{ id: 'a', text: 'Berlin' }, { id: 'b', text: 'Paris' }], correct: ['b'], counts: { a: 1, b: 1 }, answered: 2 },
      },
    };
    render(<StagePoll poll={quiz} now={() => NOW} />);
    expect(screen.getByText('Frage 1 von 2')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Gewählte Antworten' })).toHaveTextContent('Parisrichtig1 · 50 %');
    expect(screen.getByRole('region', { name: 'Bestenliste' })).toHaveTextContent('Ada');
  });
});
