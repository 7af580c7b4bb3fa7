/**
 * Word-cloud answers: normalisation and grouping.
 *
 * - surrounding whitespace and punctuation go ("„KI!“" → "KI"); inner whitespace collapses to one space;
 *   symbols that belong to a word stay ("C#", "C++", "100%");
 * - grouping is case-insensitive (key = lower case, Unicode NFC), so "KI", "ki" and "Ki." are one word;
 * - the word shown is the most frequent spelling in the group (ties: the alphabetically first, so the
 *   result does not depend on the order answers arrived in);
 * - left out of the cloud (but still accepted as answers): stop words (German and English, every token a
 *   stop word) and anything the event's blocked-word matcher flags;
 * - one person counts once per group, even when they send "KI, ki".
 */
import { POLL_LIMITS } from '../../../shared/polls/schemas.js';
import { STOP_WORDS } from './stop-words.js';
import type { BlockedMatcher } from './types.js';

const EDGE = /^[\s.,;:!?¡¿…'"`´«»„“”‚‘’()[\]{}<>*/\\|~_\-–—]+|[\s.,;:!?¡¿…'"`´«»„“”‚‘’()[\]{}<>*/\\|~_\-–—]+$/gu;

/** The cleaned spelling of a word answer ("" when nothing is left). */
export function cleanWord(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').replace(EDGE, '');
}

export function wordKey(cleaned: string): string {
  return cleaned.toLowerCase();
}

export function isStopPhrase(key: string): boolean {
  const tokens = key.split(' ').filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => STOP_WORDS.has(t));
}

export interface CountedWord {
  key: string;
  display: string;
}

/**
 * The words of one answer that count in the cloud, one per group. Words must already have passed
 * validation (non-empty after cleaning, at most POLL_LIMITS.wordMax characters).
 */
export function countedWords(words: readonly string[], isBlocked: BlockedMatcher): CountedWord[] {
  const out: CountedWord[] = [];
  const seen = new Set<string>();
  for (const raw of words) {
    const display = cleanWord(raw);
    if (!display || display.length > POLL_LIMITS.wordMax) continue;
    const key = wordKey(display);
    if (seen.has(key) || isStopPhrase(key) || isBlocked(display)) continue;
    seen.add(key);
    out.push({ key, display });
  }
  return out;
}

/** Groups of a word cloud: count per key, and how often each spelling occurred (to pick the display). */
export type WordGroups = Map<string, { count: number; forms: Map<string, number> }>;

export function addWord(groups: WordGroups, w: CountedWord, delta: 1 | -1): void {
  const g = groups.get(w.key) ?? { count: 0, forms: new Map<string, number>() };
  g.count += delta;
  const f = (g.forms.get(w.display) ?? 0) + delta;
  if (f > 0) g.forms.set(w.display, f);
  else g.forms.delete(w.display);
  if (g.count > 0) groups.set(w.key, g);
  else groups.delete(w.key);
}

function displayOf(forms: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [form, n] of forms) {
    if (n > bestCount || (n === bestCount && form < best)) {
      best = form;
      bestCount = n;
    }
  }
  return best;
}

/** Most frequent first (ties alphabetically), at most `limit`. */
export function topWords(groups: WordGroups, limit: number): { text: string; count: number }[] {
  const all = [...groups.values()].map((g) => ({ text: displayOf(g.forms), count: g.count }));
  all.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'de'));
  return all.slice(0, limit);
}
