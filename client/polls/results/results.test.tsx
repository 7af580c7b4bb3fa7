import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import { PollDefinition, type OpenEntry, type WordCount } from '../../../shared/polls/schemas.js';
import { loadPollsI18n } from '../testing.js';
import { ChoiceResults } from './ChoiceResults.js';
import { Leaderboard } from './Leaderboard.js';
import { OpenWall } from './OpenWall.js';
import { PollResultsView } from './PollResultsView.js';
import { RankingResults } from './RankingResults.js';
import { RatingResults } from './RatingResults.js';
import { TopWords } from './TopWords.js';
import WordCloud, { fontSizes, type CloudLayout } from './WordCloud.js';

beforeAll(loadPollsI18n);

const options = [{ id: 'a', text: 'Rot' }, { id: 'b', text: 'Grün' }, { id: 'c', text: 'Blau' }];
const rows = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('listitem').map((li) => li.textContent);

describe('choice results', () => {
  it('bars with count and percent of those who answered; responses vs present in a live region', () => {
    render(<ChoiceResults options={options} counts={{ a: 3, b: 1, c: 0 }} responses={4} present={10} />);
    expect(rows('Ergebnisse')).toEqual(['Rot3 · 75 %', 'Grün1 · 25 %', 'Blau0 · 0 %']);
    const line = screen.getByText('4 von 10 Anwesenden haben geantwortet');
    expect(line).toHaveAttribute('aria-live', 'polite');
  });

  it('multiple choice explains why shares add up to more than 100 %', () => {
    render(<ChoiceResults options={options} counts={{ a: 2, b: 2, c: 0 }} responses={2} multiple />);
    expect(rows('Ergebnisse')).toEqual(['Rot2 · 100 %', 'Grün2 · 100 %', 'Blau0 · 0 %']);
    expect(screen.getByText(/ergeben zusammen mehr als 100 %/)).toBeInTheDocument();
  });

  it('no answers yet: 0 %, no division by zero', () => {
    render(<ChoiceResults options={options} counts={{}} responses={0} />);
    expect(rows('Ergebnisse')[0]).toBe('Rot0 · 0 %');
    expect(screen.getByText('0 Antworten')).toBeInTheDocument();
  });
});

describe('rating results', () => {
  it('mean and distribution, highest first, with end labels', () => {
    render(<RatingResults scale={5} distribution={[1, 0, 0, 2, 1]} mean={3.5} lowLabel="gar nicht" highLabel="sehr" />);
    expect(screen.getByText('Durchschnitt: 3,5 von 5')).toBeInTheDocument();
    expect(rows('Verteilung der Bewertungen')).toEqual([
      '5 Sterne – sehr1 · 25 %', '4 Sterne2 · 50 %', '3 Sterne0 · 0 %', '2 Sterne0 · 0 %', '1 Stern – gar nicht1 · 25 %',
    ]);
  });

  it('no ratings: no mean', () => {
    render(<RatingResults scale={10} distribution={Array(10).fill(0)} mean={null} />);
    expect(screen.getByText('Noch keine Bewertungen.')).toBeInTheDocument();
  });
});

describe('words', () => {
  const words: WordCount[] = [{ text: 'KI', count: 5 }, { text: 'Cloud', count: 2 }, { text: 'x'.repeat(40), count: 1 }];

  it('top words as a numbered list with counts', () => {
    render(<TopWords words={words} limit={2} />);
    expect(rows('Häufigste Wörter')).toEqual(['KI5-mal', 'Cloud2-mal']);
  });

  it('the cloud draws the placed words (hidden from screen readers) and keeps the list for them', async () => {
    const layout = vi.fn<CloudLayout>(async (ws) => ws.map((w, i) => ({ text: w.text, count: w.count, size: 20 + w.count, x: i * 10, y: 0, rotate: 0 })));
    const { container } = render(<WordCloud words={words} layout={layout} />);
    await waitFor(() => expect(container.querySelectorAll('svg text')).toHaveLength(3));
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByRole('figure', { name: 'Wortwolke' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Wortwolke' });
    expect(list).toHaveClass('sr-only');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
  });

  it('falls back to a visible list when the layout fails, and says when words did not fit', async () => {
    const failing: CloudLayout = async () => Promise.reject(new Error('no canvas'));
    const { unmount, container } = render(<WordCloud words={words} layout={failing} />);
    await waitFor(() => expect(screen.getByRole('list', { name: 'Wortwolke' })).not.toHaveClass('sr-only'));
    expect(container.querySelector('svg')).toBeNull();
    unmount();
    const partial: CloudLayout = async (ws) => [{ text: ws[0]!.text, count: ws[0]!.count, size: 40, x: 0, y: 0, rotate: 0 }];
    render(<WordCloud words={words} layout={partial} />);
    expect(await screen.findByText('2 Wörter passten nicht in die Wolke; sie stehen in der Liste.')).toBeInTheDocument();
  });

  it('font sizes grow with the count, and a 40-character word still fits the width', () => {
    const [big, mid, long] = fontSizes(words, 360);
    expect(big!).toBeGreaterThan(mid!);
    expect(long! * 0.6 * 40).toBeLessThanOrEqual(360);
  });

  it('PollResultsView gives attendees the top words (at most 10) and staff the lazily loaded cloud', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ text: `wort${i}`, count: 30 - i }));
    const def = PollDefinition.parse({ type: 'wordcloud', question: 'Q', maxWords: 3 });
    const { unmount } = render(<PollResultsView definition={def} results={{ kind: 'words', words: many, total: 30 }} responses={12} />);
    expect(within(screen.getByRole('list', { name: 'Häufigste Wörter' })).getAllByRole('listitem')).toHaveLength(POLL_LIMITS.topWordsForAttendees);
    unmount();
    // jsdom has no canvas: the real d3-cloud (loaded lazily) cannot measure text and the view keeps the list
    const noCanvas = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    render(<PollResultsView definition={def} results={{ kind: 'words', words: many, total: 30 }} responses={12} cloud />);
        expect(await screen.findByRole('figure', { name: 'Wortwolke' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('list', { name: 'Wortwolke' })).not.toHaveClass('sr-only'));
    expect(within(screen.getByRole('list', { name: 'Wortwolke' })).getAllByRole('listitem')).toHaveLength(30);
    noCanvas.mockRestore();
  });
});

describe('open-text wall', () => {
  const entry = (id: string, text: string, name: string | null = null): OpenEntry => ({ id, pollId: 'p', text, name, state: 'approved', createdAt: '2026-01-01T10:00:00Z' });

  it('shows approved answers with names for named polls; 300-character texts in full', () => {
    const long = 'L'.repeat(POLL_LIMITS.openTextMax);
    render(<OpenWall entries={[entry('1', 'Danke!', 'Ada'), entry('2', long)]} />);
    const wall = screen.getByRole('list', { name: 'Pinnwand der Antworten' });
    expect(wall).toHaveAttribute('aria-live', 'polite');
    expect(within(wall).getByText('Ada')).toBeInTheDocument();
    expect(within(wall).getByText(long)).toBeInTheDocument();
  });

  it('PollResultsView shows only approved entries and the count', () => {
    const def = PollDefinition.parse({ type: 'open', question: 'Q' });
    render(<PollResultsView definition={def} results={{ kind: 'open', approved: 1, pending: 0 }} responses={2} entries={[entry('1', 'Ja'), { ...entry('2', 'Geheim'), state: 'pending' }]} />);
    expect(screen.getByText('1 Antwort an der Pinnwand')).toBeInTheDocument();
    expect(screen.getByText('Ja')).toBeInTheDocument();
    expect(screen.queryByText('Geheim')).not.toBeInTheDocument();
  });
});

describe('ranking results', () => {
  it('items by Borda score with points and the rule', () => {
    render(<RankingResults items={[{ id: 'x', text: 'Preis' }, { id: 'y', text: 'Qualität' }, { id: 'z', text: 'Tempo' }]} scores={{ x: 3, y: 5, z: 1 }} responses={3} />);
    expect(rows('Gesamtrangfolge')).toEqual(['Qualität5 Punkte', 'Preis3 Punkte', 'Tempo1 Punkt']);
    expect(screen.getByText(/Platz 1 bringt 2 Punkte/)).toBeInTheDocument();
  });
});

describe('leaderboard', () => {
  it('shared ranks are marked, the own row is highlighted', () => {
    render(
      <Leaderboard
        entries={[
          { rank: 1, nickname: 'Ada', score: 1900, correct: 2 },
          { rank: 1, nickname: 'Max', score: 1900, correct: 2 },
          { rank: 3, nickname: 'Zoe', score: 750, correct: 1 },
        ]}
        me="Max"
      />,
    );
    const items = within(screen.getByRole('region', { name: 'Bestenliste' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('1. geteilter Platz');
    expect(items[0]).toHaveTextContent('1.900 Punkte');
    expect(items[1]).toHaveAttribute('aria-current', 'true');
    expect(items[1]).toHaveTextContent('Sie');
    expect(items[2]).toHaveTextContent('3.Zoe750 Punkte');
    expect(items[2]).not.toHaveTextContent('geteilt');
  });
});

describe('hidden results', () => {
  it('say they come later and still show the number of answers', () => {
    const def = PollDefinition.parse({ type: 'single', question: 'Q', options });
    render(<PollResultsView definition={def} results={null} responses={7} />);
    expect(screen.getByText('7 Antworten')).toBeInTheDocument();
    expect(screen.getByText('Die Ergebnisse werden später gezeigt.')).toBeInTheDocument();
  });
});

describe('quiz results (staff)', () => {
  it('per question: choices with the correct ones marked, and how many were right', () => {
    const def = PollDefinition.parse({
      type: 'quiz', question: 'Hauptstädte',
      questions: [{ id: 'q1', text: 'Frankreich?', kind: 'single', options: [{ id: 'a', text: 'Berlin' }, { id: 'b', text: 'Paris' }], correct: ['b'], timeLimitSec: 20 }],
    });
    render(<PollResultsView definition={def} results={{ kind: 'quiz', questions: [{ questionId: 'q1', counts: { a: 1, b: 3 }, answered: 4, correct: 3 }] }} responses={4} />);
    expect(screen.getByText('Frage 1 von 1: Frankreich?')).toBeInTheDocument();
    expect(screen.getByText('3 von 4 richtig')).toBeInTheDocument();
    expect(rows('Gewählte Antworten')).toEqual(['Berlin1 · 25 %', 'Parisrichtig3 · 75 %']);
  });
});

describe('word cloud updates', () => {
  it('lays the cloud out again at most every minIntervalMs while tallies stream in', async () => {
    vi.useFakeTimers();
    try {
      const layout = vi.fn<CloudLayout>(async (ws) => ws.map((w) => ({ ...w, size: 20, x: 0, y: 0, rotate: 0 })));
      const { rerender } = render(<WordCloud words={[{ text: 'KI', count: 1 }]} layout={layout} minIntervalMs={1000} />);
      expect(layout).toHaveBeenCalledTimes(1);
      for (let i = 2; i <= 6; i++) {
        rerender(<WordCloud words={[{ text: 'KI', count: i }]} layout={layout} minIntervalMs={1000} />);
        await vi.advanceTimersByTimeAsync(100);
      }
      expect(layout).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(layout).toHaveBeenCalledTimes(2);
      expect(layout.mock.calls[1]![0]).toEqual([{ text: 'KI', count: 6 }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
