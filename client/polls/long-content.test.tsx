/**
 * The longest allowed content renders completely, and every container of user text has a wrapping rule
 * in polls.css (jsdom does not lay out, so the 360 px check itself is by CSS rule, not by measurement).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POLL_LIMITS } from '../../shared/polls/limits.js';
import { PollDefinition, type DefinitionOf } from '../../shared/polls/schemas.js';
import { RankingAnswer } from './answer/RankingAnswer.js';
import { PollEditor } from './editor/PollEditor.js';
import { ChoiceResults } from './results/ChoiceResults.js';
import { Leaderboard } from './results/Leaderboard.js';
import { RankingResults } from './results/RankingResults.js';
import { TopWords } from './results/TopWords.js';
import { loadPollsI18n } from './testing.js';

beforeAll(loadPollsI18n);

const longText = (i: number, n: number) => `${i} ${'Langwort'.repeat(n)}`.slice(0, n);
const twelve = Array.from({ length: POLL_LIMITS.optionsMax }, (_, i) => ({ id: `o${i + 1}`, text: longText(i + 1, POLL_LIMITS.optionMax) }));

describe('longest content', () => {
  it('results: 12 options of 120 characters', () => {
    render(<ChoiceResults options={twelve} counts={Object.fromEntries(twelve.map((o, i) => [o.id, i * 1000]))} responses={66000} />);
    const items = within(screen.getByRole('list', { name: 'Ergebnisse' })).getAllByRole('listitem');
    expect(items).toHaveLength(12);
    expect(items[11]).toHaveTextContent(twelve[11]!.text);
    expect(items[11]).toHaveTextContent('11.000 · 17 %');
  });

  it('ranking: 10 items of 120 characters, with every button', () => {
    const items = twelve.slice(0, POLL_LIMITS.rankingItemsMax);
    const def = PollDefinition.parse({ type: 'ranking', question: 'Q'.repeat(POLL_LIMITS.questionMax), items }) as DefinitionOf<'ranking'>;
    render(<RankingAnswer definition={def} onSubmit={vi.fn()} />);
    expect(screen.getAllByRole('button', { name: /nach oben$/ })).toHaveLength(10);
    render(<RankingResults items={items} scores={Object.fromEntries(items.map((o, i) => [o.id, i]))} responses={1} />);
    expect(within(screen.getByRole('list', { name: 'Gesamtrangfolge' })).getAllByRole('listitem')[0]).toHaveTextContent(items[9]!.text);
  });

  it('word cloud list: 100 words of 40 characters', () => {
    const words = Array.from({ length: POLL_LIMITS.wordCloudTop }, (_, i) => ({ text: `${i}`.padEnd(POLL_LIMITS.wordMax, 'x'), count: 100 - i }));
    render(<TopWords words={words} />);
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(100);
  });

  it('leaderboard: nicknames of 24 characters and seven-digit scores', () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ rank: i + 1, nickname: `${i}`.padEnd(POLL_LIMITS.nicknameMax, 'N'), score: 9_999_999 - i, correct: 50 }));
    render(<Leaderboard entries={entries} />);
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('9.999.999 Punkte');
  });

  it('editor: 12 options of 120 characters load and stay editable', () => {
    render(<PollEditor initial={{ definition: { type: 'single', question: 'Q'.repeat(300), options: twelve } }} onSubmit={vi.fn()} />);
    expect(screen.getByRole('textbox', { name: 'Option 12' })).toHaveValue(twelve[11]!.text);
    expect(screen.getByRole('button', { name: 'Option hinzufügen' })).toBeDisabled();
  });

  it('polls.css wraps every container of user text and has no fixed widths', () => {
    const css = readFileSync(join(import.meta.dirname, 'polls.css'), 'utf8');
    const rule = (selector: string) => {
      const blocks = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(([, sel]) => sel!.split(',').map((s) => s.trim()).includes(selector));
      return blocks.map(([, , body]) => body).join(';');
    };
    for (const sel of ['.poll-option-text', '.poll-bar-label', '.poll-ranking-text', '.poll-topwords li', '.poll-wall-card', '.poll-leaderboard-name', '.poll-question', '.poll-import-example']) {
      expect(rule(sel), sel).toMatch(/overflow-wrap:\s*anywhere/);
    }
    expect(css).not.toMatch(/(^|[^-])width:\s*\d+px/m);
  });
});
