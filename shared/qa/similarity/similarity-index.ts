/**
 * Duplicate questions: "already asked? upvote instead" while an attendee types, and likely duplicates
 * grouped for moderators. Pure code for the browser and the server; no clock, no IO.
 *
 * Typical use:
 *   const index = createSimilarityIndex();
 *   for (const q of questions) index.add(q.id, q.text);           // and update/remove on deltas
 *   index.findSimilar(draft, { limit: 3, excludeIds: ownIds });    // → [{ id, score }] best first
 *   groupDuplicates(questions.map(({ id, text }) => ({ id, text }))) // moderator view
 *
 * How it works: normalize.ts (case, umlauts both ways, ß, punctuation) → analyze.ts (stop words, weights)
 * → stem.ts (German and English Snowball stems as match keys) → score.ts (soft Dice over terms with typo
 * and compound credit). The index keeps an inverted index from keys to questions and a trigram index over
 * the spellings, so a lookup only scores questions that share a key or a near spelling.
 */
import { analyze, type AnalyzedText, type Term } from './analyze.js';
import { allowedTypos, fuzzyCredit, scoreAnalyzed } from './score.js';

export { analyze, type AnalyzedText, type Term } from './analyze.js';
export { normalizeText, surfaceForm } from './normalize.js';
export { isStopWord } from './stopwords.js';
export { stemKeys } from './stem.js';
export { scoreAnalyzed } from './score.js';

/**
 * Score from which two questions count as duplicates (suggestions while typing, moderator groups, the
 * CLI). Chosen as the best F1 of the threshold sweep on the tuning half of tests/fixtures/duplicates.jsonl
 * (npm run bench:duplicates). A suggestion list that should rather show too much may pass a lower
 * threshold to findSimilar (0.65 trades about 10 points of precision for a few of recall).
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.75;

export interface SimilarMatch {
  id: string;
  /** In [0, 1]; 1 = same question. */
  score: number;
}

export interface FindSimilarOptions {
  /** Most matches returned, best first (default 3). */
  limit?: number;
  /** Lowest score returned (default DEFAULT_DUPLICATE_THRESHOLD). */
  threshold?: number;
  /** Ids never returned, e.g. the attendee's own questions or the question being edited. */
  excludeIds?: Iterable<string>;
}

export interface SimilarityIndex {
  /** Adds a question, or replaces its text when the id is already there. */
  add(id: string, text: string): void;
  /** Same as add: replaces the text of a question (adds it when unknown). */
  update(id: string, text: string): void;
  /** Removes a question; false when it was not there. */
  remove(id: string): boolean;
  has(id: string): boolean;
  readonly size: number;
  /** Questions similar to a text (e.g. the draft being typed), best first. */
  findSimilar(text: string, options?: FindSimilarOptions): SimilarMatch[];
  /** Questions similar to one already in the index (itself excluded), best first. */
  findSimilarToId(id: string, options?: FindSimilarOptions): SimilarMatch[];
}

/** Similarity of two question texts in [0, 1]: symmetric, word-order independent, 1 for the same text. */
export function similarity(a: string, b: string): number {
  return scoreAnalyzed(analyze(a), analyze(b));
}

function trigrams(surface: string): string[] {
  const padded = `^${surface}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

const MEMO_LIMIT = 200_000;

export function createSimilarityIndex(): SimilarityIndex {
  const docs = new Map<string, AnalyzedText>();
  /** match key → questions having a term with that key */
  const byKey = new Map<string, Set<string>>();
  /** match key (spelling or stem) → one term having it (for fuzzy checks) and how many terms have it */
  const vocabulary = new Map<string, { term: Term; count: number }>();
  /** trigram → match keys containing it */
  const byTrigram = new Map<string, Set<string>>();
  /** fuzzy credit of two spellings, kept across lookups (typing repeats most words) */
  let memo = new Map<string, Map<string, number>>();
  let memoSize = 0;
  /** fuzzy neighbours of a spelling in the current vocabulary; emptied whenever the vocabulary changes */
  const neighbourCache = new Map<string, string[]>();

  function index(id: string, doc: AnalyzedText): void {
    docs.set(id, doc);
    for (const k of doc.keySet) addTo(byKey, k, id);
    for (const t of doc.terms) {
      for (const k of t.keys) {
        if (k.startsWith('~')) continue;
        const users = vocabulary.get(k);
        if (users) users.count++;
        else {
          vocabulary.set(k, { term: t, count: 1 });
          neighbourCache.clear();
          for (const g of trigrams(k)) addTo(byTrigram, g, k);
        }
      }
    }
  }

  function unindex(id: string): boolean {
    const doc = docs.get(id);
    if (!doc) return false;
    docs.delete(id);
    for (const k of doc.keySet) removeFrom(byKey, k, id);
    for (const t of doc.terms) {
      for (const k of t.keys) {
        const users = vocabulary.get(k);
        if (!users || --users.count > 0) continue;
        vocabulary.delete(k);
        neighbourCache.clear();
        for (const g of trigrams(k)) removeFrom(byTrigram, g, k);
      }
    }
    return true;
  }

  function fuzzy(a: Term, b: Term): number {
    const [x, y] = a.surface < b.surface ? [a, b] : [b, a];
    let inner = memo.get(x.surface);
    if (!inner) memo.set(x.surface, (inner = new Map()));
    let c = inner.get(y.surface);
    if (c === undefined) {
      c = fuzzyCredit(x, y);
      inner.set(y.surface, c);
      memoSize++;
    }
    return c;
  }

  /**
   * Vocabulary keys that give one query term fuzzy credit (typo or compound). Only keys sharing enough
   * trigrams to be within the allowed edits are checked: an edit changes at most 4 trigrams.
   */
  function neighbours(t: Term): string[] {
    const cacheKey = t.keys.join(' ');
    const cached = neighbourCache.get(cacheKey);
    if (cached) return cached;
    const shared = new Map<string, number>();
    for (const k of t.keys) {
      if (k.length < 4 || k.startsWith('~')) continue;
      for (const g of new Set(trigrams(k))) for (const s of byTrigram.get(g) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
    }
    const out: string[] = [];
    const shortest = Math.min(...t.keys.filter((k) => !k.startsWith('~')).map((k) => k.length));
    for (const [s, n] of shared) {
      if (t.keys.includes(s)) continue;
      const min = Math.min(shortest, s.length);
      if (n < Math.max(1, min - 4 * allowedTypos(min))) continue;
      const v = vocabulary.get(s);
      if (v && fuzzy(t, v.term) > 0) out.push(s);
    }
    if (neighbourCache.size > 5_000) neighbourCache.clear();
    neighbourCache.set(cacheKey, out);
    return out;
  }

  function search(query: AnalyzedText, options: FindSimilarOptions, self?: string): SimilarMatch[] {
    const limit = options.limit ?? 3;
    const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
    const exclude = new Set(options.excludeIds ?? []);
    if (self !== undefined) exclude.add(self);
    if (memoSize > MEMO_LIMIT) {
      memo = new Map();
      memoSize = 0;
    }
    // For every question reached by a query term (shared key or fuzzy neighbour): the weight of the query
    // terms that reach it. Questions reached by question words only are no candidates.
    const reach = new Map<string, { weight: number; content: boolean }>();
    /** keys through which a question's term can earn credit from the query */
    const useful = new Set<string>(query.keySet);
    for (const t of query.terms) {
      const ids = new Set<string>();
      for (const k of t.keys) for (const id of byKey.get(k) ?? []) ids.add(id);
      for (const s of neighbours(t)) {
        useful.add(s);
        for (const id of byKey.get(s) ?? []) ids.add(id);
      }
      for (const id of ids) {
        const r = reach.get(id);
        if (r) {
          r.weight += t.weight;
          r.content ||= t.weight >= 1;
        } else reach.set(id, { weight: t.weight, content: t.weight >= 1 });
      }
    }
    // a text of stop and question words only ("Und jetzt?", "Wie viele?") finds nothing through its
    // terms, but the very same text is still the same question: compare those directly
    if (query.normalized && query.terms.every((t) => t.weight < 1)) {
      for (const [id, doc] of docs) if (doc.normalized === query.normalized) reach.set(id, { weight: 0, content: true });
    }
    const found: SimilarMatch[] = [];
    for (const [id, r] of reach) {
      if (!r.content || exclude.has(id)) continue;
      const doc = docs.get(id)!;
      // upper bound of the score: query terms that reach it, its terms that have a useful key
      let docReach = 0;
      for (const u of doc.terms) if (u.keys.some((k) => useful.has(k))) docReach += u.weight;
      if (query.normalized !== doc.normalized && (r.weight + docReach) / (query.weight + doc.weight) < threshold) continue;
      const score = scoreAnalyzed(query, doc, fuzzy);
      if (score >= threshold) found.push({ id, score });
    }
    found.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return found.slice(0, Math.max(0, limit));
  }

  return {
    add(id, text) {
      unindex(id);
      index(id, analyze(text));
    },
    update(id, text) {
      unindex(id);
      index(id, analyze(text));
    },
    remove: unindex,
    has: (id) => docs.has(id),
    get size() {
      return docs.size;
    },
    findSimilar: (text, options = {}) => search(analyze(text), options),
    findSimilarToId(id, options = {}) {
      const doc = docs.get(id);
      return doc ? search(doc, options, id) : [];
    },
  };
}

export interface QuestionText {
  id: string;
  text: string;
}

/** [idA, idB, score]: idA comes before idB in the input. */
export type DuplicatePair = [string, string, number];

/**
 * Every pair of questions scoring at least `threshold`, best first (ties in input order). Each pair once,
 * earlier question first. Throws on a repeated id.
 */
export function findDuplicatePairs(items: readonly QuestionText[], threshold = DEFAULT_DUPLICATE_THRESHOLD): DuplicatePair[] {
  const index = createSimilarityIndex();
  const position = new Map<string, number>();
  items.forEach(({ id, text }, i) => {
    if (position.has(id)) throw new Error(`duplicate id ${JSON.stringify(id)}`);
    position.set(id, i);
    index.add(id, text);
  });
  const pairs: { pair: DuplicatePair; i: number; j: number }[] = [];
  items.forEach(({ id }, i) => {
    for (const m of index.findSimilarToId(id, { limit: Number.POSITIVE_INFINITY, threshold })) {
      const j = position.get(m.id)!;
      if (j > i) pairs.push({ pair: [id, m.id, m.score], i, j });
    }
  });
  pairs.sort((a, b) => b.pair[2] - a.pair[2] || a.i - b.i || a.j - b.j);
  return pairs.map((p) => p.pair);
}

export interface DuplicateGroup {
  /** The questions of one cluster, in input order (at least two). */
  ids: string[];
  /** The pairs that joined them, as findDuplicatePairs gives them. */
  pairs: DuplicatePair[];
}

/**
 * Likely duplicates as connected clusters (A~B and B~C put A, B, C in one group), for the moderator view.
 * Groups come in the input order of their first question; questions without a duplicate are left out.
 */
export function groupDuplicates(items: readonly QuestionText[], threshold = DEFAULT_DUPLICATE_THRESHOLD): DuplicateGroup[] {
  const pairs = findDuplicatePairs(items, threshold);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<string, DuplicateGroup>();
  for (const { id } of items) {
    if (!parent.has(id)) continue;
    const root = find(id);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { ids: [], pairs: [] }));
    g.ids.push(id);
  }
  for (const pair of pairs) groups.get(find(pair[0]))!.pairs.push(pair);
  return [...groups.values()];
}

