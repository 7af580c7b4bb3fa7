/**
 * Similarity of two analysed questions in [0, 1]: a weighted soft Dice coefficient over their terms.
 * Each term of A earns credit for its best partner in B (1 for a shared stem or spelling, less for a typo
 * or a compound part), and the same for B in A:
 *
 *   score = (Σ_A weight·credit + Σ_B weight·credit) / (Σ_A weight + Σ_B weight)
 *
 * Symmetric by construction, independent of word order, 1 for the same text.
 */
import type { AnalyzedText, Term } from './analyze.js';
import { boundedEditDistance } from './edit-distance.js';

/** Credit for a term whose best partner differs by a typo within the allowed edit distance. */
export const TYPO_CREDIT = 0.8;
/** Credit for a term that is a part of a compound on the other side ("Treffen" ↔ "Netzwerktreffen"). */
export const COMPOUND_CREDIT = 0.8;

/**
 * Factor applied when each side has a content word the other lacks entirely ("Wann beginnt …" / "Wann
 * endet …"): that is how a different question on the same subject looks, whereas a word more on one side
 * only is usually elaboration.
 */
export const SUBSTITUTION_FACTOR = 0.9;
/** Further factor when the words missing on both sides include numbers ("Workshop 2" / "Workshop 3"). */
export const NUMBER_FACTOR = 0.8;

/** Edits allowed between two words of which the shorter has `length` letters. */
export function allowedTypos(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** Fuzzy credit of two terms that share no key: typo or compound part, else 0. */
export function fuzzyCredit(a: Term, b: Term): number {
  if (/\d/.test(a.surface) || /\d/.test(b.surface)) return 0; // "Workshop 2" is not "Workshop 3"
  // typo: any spelling or stem of one within a few edits of one of the other, same first letter
  for (const x of a.keys) {
    if (x.startsWith('~')) continue;
    for (const y of b.keys) {
      if (y.startsWith('~') || x.charCodeAt(0) !== y.charCodeAt(0)) continue;
      const max = allowedTypos(Math.min(x.length, y.length));
      if (max > 0 && boundedEditDistance(x, y, max) <= max) return TYPO_CREDIT;
    }
  }
  // compound: a whole word (or its stem, at least 5 letters) begins or ends the other's spelling
  const [short, long] = a.surface.length <= b.surface.length ? [a, b] : [b, a];
  for (const key of short.keys) {
    if (key.length >= 5 && !key.startsWith('~') && long.surface.length >= key.length + 3 && (long.surface.startsWith(key) || long.surface.endsWith(key))) {
      return COMPOUND_CREDIT;
    }
  }
  return 0;
}

function credit(term: Term, other: AnalyzedText, fuzzy: (a: Term, b: Term) => number): number {
  for (const k of term.keys) if (other.keySet.has(k)) return 1;
  let best = 0;
  for (const u of other.terms) {
    const c = fuzzy(term, u);
    if (c > best) best = c;
  }
  return best;
}

/**
 * Similarity of two analysed texts. `fuzzy` may be a cached fuzzyCredit (the index passes one that
 * remembers the pairs of spellings it has compared).
 */
export function scoreAnalyzed(a: AnalyzedText, b: AnalyzedText, fuzzy: (a: Term, b: Term) => number = fuzzyCredit): number {
  if (a.normalized === b.normalized) return a.normalized === '' ? 0 : 1;
  const total = a.weight + b.weight;
  if (a.weight === 0 || b.weight === 0) return 0;
  let earnedA = 0; // kept apart so that score(a, b) and score(b, a) add the same numbers in the same order
  let earnedB = 0;
  let missA = 0; // 1: a content word of A has no partner in B; 2: and it is a number
  let missB = 0;
  for (const t of a.terms) {
    const c = credit(t, b, fuzzy);
    earnedA += t.weight * c;
    if (c === 0 && t.weight >= 1) missA = Math.max(missA, /^\d+$/.test(t.surface) ? 2 : 1);
  }
  for (const t of b.terms) {
    const c = credit(t, a, fuzzy);
    earnedB += t.weight * c;
    if (c === 0 && t.weight >= 1) missB = Math.max(missB, /^\d+$/.test(t.surface) ? 2 : 1);
  }
  let score = Math.min(1, (earnedA + earnedB) / total);
  if (missA && missB) score *= SUBSTITUTION_FACTOR;
  if (missA === 2 && missB === 2) score *= NUMBER_FACTOR;
  return score;
}
