/**
 * The longest content the stage screens must fit, built from the shared limits (component tests and the
 * browser flow use the same): a question of the largest allowed length, a long author and event title,
 * 12 poll options with the longest labels, 40 cloud words, 12 group results.
 */
import { POLL_LIMITS, PublicPoll } from '../../shared/polls/index.js';
import { QaSettings } from '../../shared/qa/index.js';

/** The largest value qa settings allow for maxQuestionLength. */
export const MAX_QUESTION_LENGTH = (() => {
  for (let n = 100_000; n > 0; n = Math.floor(n / 2)) {
    if (QaSettings.safeParse({ maxQuestionLength: n }).success) {
      // walk up to the exact limit
      let hi = n;
      while (QaSettings.safeParse({ maxQuestionLength: hi + 1 }).success) hi++;
      return hi;
    }
  }
  throw new Error('no maxQuestionLength accepted');
})();

/** Words of varied length (some long German compounds), repeated to the length. */
export function longText(length: number, seed = 'Wie'): string {
  const words = [seed, 'kann', 'die', 'Bürgerbeteiligungsplattform', 'bei', 'Haushaltsentscheidungen', 'und', 'Verkehrsplanung', 'helfen,', 'ohne', 'dass', 'Datenschutzgrundverordnung', 'verletzt', 'wird?'];
  let out = '';
  for (let i = 0; out.length < length; i++) out += (out ? ' ' : '') + words[i % words.length];
  return out.slice(0, length);
}

export const LONG_AUTHOR = 'Maximiliane Theodora von Hohenzollern-Sigmaringen-Wittgenstein'.slice(0, 60);
export const LONG_TITLE = longText(200, 'Bürgerversammlung');

export const longOptions = Array.from({ length: POLL_LIMITS.optionsMax }, (_, i) => ({
  id: `o${i + 1}`,
  text: `${i + 1}. ${longText(POLL_LIMITS.optionMax - 4, 'Option')}`,
}));

export const cloudWords = Array.from({ length: 40 }, (_, i) => ({
  text: `${['Zusammenarbeit', 'Mut', 'Verkehrswende', 'Klarheit', 'Digitalisierungsstrategie'][i % 5]}${i}`.slice(0, POLL_LIMITS.wordMax),
  count: 40 - i,
}));

export function longResults(groups = 12, chars = 400): string[] {
  return Array.from({ length: groups }, (_, i) => longText(chars, `Gruppe${i + 1}:`));
}

/** A poll as the stage receives it (public view), checked by the shared schema. */
export function stagePoll(
  id: string,
  definition: Record<string, unknown>,
  over: { status?: 'open' | 'closed'; responses?: number; results?: unknown; quiz?: unknown } = {},
): PublicPoll {
  return PublicPoll.parse({
    id,
    position: 0,
    status: over.status ?? 'open',
    definition,
    settings: { results: 'live', identity: 'anonymous', allowChange: false, timerSec: null },
    openedAt: '2025-01-01T09:59:00.000Z',
    closesAt: null,
    closedAt: null,
    responses: over.responses ?? 0,
    results: over.results ?? null,
    quiz: over.quiz ?? null,
  });
}
