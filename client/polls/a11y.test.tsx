/** axe-core over every polls component (jsdom: no colour contrast, no layout; those need a real browser). */
import { render } from '@testing-library/react';
import axe from 'axe-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PollDefinition, type DefinitionOf, type PublicPoll } from '../../shared/polls/schemas.js';
import { AttendeePoll } from './AttendeePoll.js';
import { QuizPlay } from './answer/QuizPlay.js';
import { RankingAnswer } from './answer/RankingAnswer.js';
import { RatingAnswer } from './answer/RatingAnswer.js';
import { WordCloudAnswer } from './answer/WordCloudAnswer.js';
import { OpenTextAnswer } from './answer/OpenTextAnswer.js';
import { MultipleChoiceAnswer } from './answer/ChoiceAnswer.js';
import { ImportDialog } from './editor/ImportDialog.js';
import { OpenReview } from './editor/OpenReview.js';
import { PollEditor } from './editor/PollEditor.js';
import { Leaderboard } from './results/Leaderboard.js';
import { RankingResults } from './results/RankingResults.js';
import { RatingResults } from './results/RatingResults.js';
import WordCloud from './results/WordCloud.js';
import { loadPollsI18n } from './testing.js';

beforeAll(loadPollsI18n);

async function violations(ui: React.ReactElement): Promise<string[]> {
  const { container } = render(<main>{ui}</main>);
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const def = (x: unknown) => PollDefinition.parse(x);
const none = vi.fn(async () => ({ ok: true as const }));

describe('accessibility (axe)', () => {
  const cases: [string, () => React.ReactElement][] = [
    ['multiple', () => <MultipleChoiceAnswer definition={def({ type: 'multiple', question: 'Q', maxSelections: 1, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] }) as DefinitionOf<'multiple'>} onSubmit={none} />],
    ['rating', () => <RatingAnswer definition={def({ type: 'rating', question: 'Q', scale: 5, lowLabel: 'low', highLabel: 'high' }) as DefinitionOf<'rating'>} onSubmit={none} />],
    ['words', () => <WordCloudAnswer definition={def({ type: 'wordcloud', question: 'Q', maxWords: 3 }) as DefinitionOf<'wordcloud'>} onSubmit={none} />],
    ['open', () => <OpenTextAnswer definition={def({ type: 'open', question: 'Q' }) as DefinitionOf<'open'>} onSubmit={none} />],
    ['ranking', () => <RankingAnswer definition={def({ type: 'ranking', question: 'Q', items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] }) as DefinitionOf<'ranking'>} onSubmit={none} />],
    ['attendee poll', () => (
      <AttendeePoll
        poll={{
          id: 'p', position: 0, status: 'open', definition: { type: 'single', question: 'Q', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] },
          settings: { results: 'live', identity: 'anonymous', allowChange: false, timerSec: null }, openedAt: null, closesAt: null, closedAt: null,
          responses: 1, results: { kind: 'choice', counts: { a: 1, b: 0 } }, quiz: null,
        } satisfies PublicPoll}
        onSubmit={none}
      />
    )],
    ['quiz', () => (
      <QuizPlay
        title="Quiz"
        run={{ phase: 'question', index: 0, questionStartedAt: null, questionEndsAt: new Date(Date.now() + 20000).toISOString(), players: 1, leaderboard: [], questionCount: 1,
          question: { id: 'q1', text: 'Frage', kind: 'single', timeLimitSec: 20, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], correct: null, counts: null, answered: null } }}
        myQuiz={{ pollId: 'p', nickname: 'Ada', score: 0, rank: null, answers: [] }}
        onNickname={none}
        onSubmit={none}
      />
    )],
    ['nickname', () => <QuizPlay title="Quiz" run={{ phase: 'lobby', index: -1, questionStartedAt: null, questionEndsAt: null, players: 0, leaderboard: [], questionCount: 1, question: null }} myQuiz={null} onNickname={none} onSubmit={none} />],
    ['rating results', () => <RatingResults scale={5} distribution={[1, 0, 0, 0, 1]} mean={3} />],
    ['ranking results', () => <RankingResults items={[{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }]} scores={{ a: 1, b: 0 }} responses={1} />],
    ['word cloud', () => <WordCloud words={[{ text: 'KI', count: 2 }]} layout={async () => Promise.reject(new Error('x'))} />],
    ['leaderboard', () => <Leaderboard entries={[{ rank: 1, nickname: 'A', score: 1, correct: 1 }, { rank: 1, nickname: 'B', score: 1, correct: 1 }]} me="A" />],
    ['editor', () => <PollEditor onSubmit={none} />],
    ['editor quiz', () => <PollEditor initial={{ definition: { type: 'quiz', question: 'Q', questions: [{ id: 'q1', text: 'T', kind: 'single', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], correct: ['a'], timeLimitSec: 20 }] } }} onSubmit={none} />],
    ['import', () => <ImportDialog onPreview={vi.fn()} onImport={vi.fn()} />],
    ['review', () => <OpenReview entries={[{ id: '1', pollId: 'p', text: 'T', name: null, state: 'pending', createdAt: '2026-01-01T00:00:00Z' }]} onReview={none} />],
  ];
  it('the check itself finds a problem (an input without a label)', async () => {
    expect((await violations(<input type="text" />)).join()).toMatch(/^label/);
  });

  for (const [name, ui] of cases) {
    it(`${name}: no violations`, async () => {
      expect(await violations(ui())).toEqual([]);
    });
  }
});
