/** Test data for the polls slice and panels: staff and public views built from one definition, checked by the shared schemas. */
import {
  PollDefinition, PublicPoll, StaffPoll, type PollDefinitionInput, type PollResults, type PollsSnapshot, type PollSettings,
} from '../../shared/polls/index.js';

export const T0 = '2026-11-30T10:00:00.000Z';

export const defs = {
  single: { type: 'single', question: 'Lieblingsfarbe?', options: [{ id: 'a', text: 'Rot' }, { id: 'b', text: 'Grün' }, { id: 'c', text: 'Blau' }] },
  wordcloud: { type: 'wordcloud', question: 'Ein Wort für heute?', maxWords: 3 },
  open: { type: 'open', question: 'Was nehmen Sie mit?', review: true },
  ranking: { type: 'ranking', question: 'Was ist am wichtigsten?', items: [{ id: 'x', text: 'Preis' }, { id: 'y', text: 'Qualität' }, { id: 'z', text: 'Tempo' }] },
  quiz: {
    type: 'quiz', question: 'Hauptstädte',
    questions: [
      { id: 'q1', text: 'Hauptstadt von Frankreich?', kind: 'single', options: [{ id: 'a', text: 'Berlin' }, { id: 'b', text: 'Paris' }], correct: ['b'], timeLimitSec: 20 },
      { id: 'q2', text: 'An der Ostsee?', kind: 'multiple', options: [{ id: 'a', text: 'Kiel' }, { id: 'b', text: 'Kassel' }, { id: 'c', text: 'Rostock' }], correct: ['a', 'c'], timeLimitSec: 30 },
    ],
  },
} satisfies Record<string, PollDefinitionInput>;

function emptyResults(def: PollDefinition): PollResults {
  switch (def.type) {
    case 'single':
    case 'multiple':
      return { kind: 'choice', counts: Object.fromEntries(def.options.map((o) => [o.id, 0])) };
    case 'rating':
      return { kind: 'rating', distribution: Array(def.scale).fill(0), mean: null };
    case 'wordcloud':
      return { kind: 'words', words: [], total: 0 };
    case 'open':
      return { kind: 'open', approved: 0, pending: 0 };
    case 'ranking':
      return { kind: 'ranking', scores: Object.fromEntries(def.items.map((o) => [o.id, 0])) };
    case 'quiz':
      return { kind: 'quiz', questions: [] };
  }
}

export function staffPoll(id: string, def: PollDefinitionInput, over: Partial<Omit<StaffPoll, 'settings'>> & { settings?: Partial<PollSettings> } = {}): StaffPoll {
  const definition = PollDefinition.parse(def);
  const { settings, ...rest } = over;
  return StaffPoll.parse({
    id, position: 0, status: 'draft', definition,
    settings: { results: 'live', identity: 'anonymous', allowChange: false, timerSec: null, ...settings },
    revealed: false, openedAt: null, closesAt: null, closedAt: null, responses: 0, results: emptyResults(definition),
    quiz: definition.type === 'quiz' ? { phase: 'lobby', index: -1, questionStartedAt: null, questionEndsAt: null, players: 0, leaderboard: [] } : null,
    createdAt: T0, updatedAt: T0, ...rest,
  });
}

/** The public view of a staff poll (what attendees and the stage get), with the results given. */
export function publicPoll(staff: StaffPoll, over: Partial<PublicPoll> = {}): PublicPoll {
  const def = staff.definition;
  const { createdAt: _c, updatedAt: _u, revealed: _r, definition: _d, quiz, ...rest } = staff;
  return PublicPoll.parse({
    ...rest,
    definition: def.type === 'quiz' ? { type: 'quiz', question: def.question, questionCount: def.questions.length } : def,
    quiz: quiz && def.type === 'quiz' ? { ...quiz, question: null, questionCount: def.questions.length } : null,
    ...over,
  });
}

export function pollsSnapshot(over: Partial<PollsSnapshot> = {}): PollsSnapshot {
  return { polls: [], presentedId: null, entries: [], mine: [], myQuizzes: [], present: null, ...over };
}
