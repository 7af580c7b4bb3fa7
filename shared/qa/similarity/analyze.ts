/**
 * A question text → the weighted words duplicate detection compares. Word order is dropped here.
 */
import { normalizeText, surfaceForm } from './normalize.js';
import { stemKeys } from './stem.js';
import { LIGHT_WORDS, STOP_WORDS } from './stopwords.js';
import { synonymKeys } from './synonyms.js';

/** Weight of question words and vague quantities ("wann", "how", "viele"). Content words weigh 1. */
export const LIGHT_WEIGHT = 0.3;

export interface Term {
  /** Folded spelling (no umlauts, ß → ss), compared for typos and compounds. */
  surface: string;
  /** Match keys: surface, stems (stem.ts), synonym groups (synonyms.ts), for parts of a hyphenated word the joined word. */
  keys: readonly string[];
  weight: number;
}

export interface AnalyzedText {
  /** normalizeText of the input: equal strings mean equal questions even when every word is a stop word. */
  normalized: string;
  /** Distinct terms (a word said twice counts once). */
  terms: Term[];
  /** Sum of the terms' weights. */
  weight: number;
  /** Every key of every term, for the index and for exact matching. */
  keySet: ReadonlySet<string>;
}

const wordCache = new Map<string, { surface: string; keys: readonly string[] }>();
const WORD_CACHE_LIMIT = 20_000;

/** Surface form and match keys (stems, synonym groups) of one normalised word, cached. */
function word(part: string): { surface: string; keys: readonly string[] } {
  let info = wordCache.get(part);
  if (!info) {
    const stems = stemKeys(part);
    info = { surface: surfaceForm(part), keys: [...stems, ...synonymKeys(stems)] };
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(part, info);
  }
  return info;
}

export function analyze(text: string): AnalyzedText {
  const normalized = normalizeText(text);
  const bySurface = new Map<string, Term>();
  for (const chunk of normalized.split(' ')) {
    if (!chunk) continue;
    const parts = chunk.split('-').filter(Boolean);
    const joined = parts.length > 1 ? surfaceForm(parts.join('')) : undefined;
    for (const part of parts) {
      const info = word(part);
      const surface = info.surface;
      if (STOP_WORDS.has(surface)) continue;
      if (surface.length === 1 && !/\d/.test(surface)) continue;
      const existing = bySurface.get(surface);
      const keys = joined ? [...info.keys, joined] : info.keys;
      if (existing) {
        if (joined && !existing.keys.includes(joined)) existing.keys = [...existing.keys, joined];
        continue;
      }
      bySurface.set(surface, { surface, keys, weight: LIGHT_WORDS.has(surface) ? LIGHT_WEIGHT : 1 });
    }
  }
  const terms = [...bySurface.values()];
  const keySet = new Set<string>();
  let weight = 0;
  for (const t of terms) {
    weight += t.weight;
    for (const k of t.keys) keySet.add(k);
  }
  return { normalized, terms, weight, keySet };
}
