import { PollDraft, type PollDefinitionInput, type PollSettings } from '../../../shared/polls/schemas.js';
import { createPoll } from './lifecycle.js';
import type { PollRecord } from './types.js';

export const T0 = new Date('2026-11-30T10:00:00.000Z');
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export const defs = {
  single: { type: 'single', question: 'Lieblingsfarbe?', options: [{ id: 'a', text: 'Rot' }, { id: 'b', text: 'Grün' }, { id: 'c', text: 'Blau' }] },
  multiple: {
    type: 'multiple', question: 'Themen?', maxSelections: 2,
    options: [{ id: 'a', text: 'KI' }, { id: 'b', text: 'Cloud' }, { id: 'c', text: 'Sicherheit' }, { id: 'd', text: 'Daten' }],
  },
  rating: { type: 'rating', question: 'Wie zufrieden?', scale: 5, lowLabel: 'gar nicht', highLabel: 'sehr' },
  rating10: { type: 'rating', question: 'Empfehlen?', scale: 10 },
  wordcloud: { type: 'wordcloud', question: 'Ein Wort?', maxWords: 3 },
  open: { type: 'open', question: 'Was nehmen Sie mit?', review: true },
  ranking: { type: 'ranking', question: 'Prioritäten?', items: [{ id: 'x', text: 'Preis' }, { id: 'y', text: 'Qualität' }, { id: 'z', text: 'Tempo' }] },
  quiz: {
    type: 'quiz', question: 'Hauptstädte',
    questions: [
      { id: 'q1', text: 'Frankreich?', kind: 'single', options: [{ id: 'a', text: 'Berlin' }, { id: 'b', text: 'Paris' }], correct: ['b'], timeLimitSec: 20 },
      { id: 'q2', text: 'An der Ostsee?', kind: 'multiple', options: [{ id: 'a', text: 'Kiel' }, { id: 'b', text: 'Kassel' }, { id: 'c', text: 'Rostock' }], correct: ['a', 'c'], timeLimitSec: 30 },
    ],
  },
} satisfies Record<string, PollDefinitionInput>;

export type PollOverrides = Partial<Omit<PollRecord, 'settings'>> & { settings?: Partial<PollSettings> };

export function poll(def: PollDefinitionInput, over: PollOverrides = {}): PollRecord {
  const draft = PollDraft.parse({ definition: def, settings: over.settings ?? {} });
  const { settings: _s, ...rest } = over;
  return { ...createPoll({ id: 'p1', eventId: 'e1', position: 0, draft, now: T0 }), ...rest, settings: draft.settings };
}

/** An open poll (opened at T0). */
export function openPoll(def: PollDefinitionInput, over: PollOverrides = {}): PollRecord {
  return poll(def, { status: 'open', openedAt: T0.toISOString(), ...over });
}

export const noBlocked = () => false;
