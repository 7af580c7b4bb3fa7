/**
 * Blocked-word matching. A question whose text contains a blocked word goes to review; it is never
 * rejected automatically, so the rules may err on the side of matching.
 *
 * Rules (docs/protocol.md repeats them for moderators):
 * - case-insensitive, whole words only: "nazi" does not match "Nazis" or "Ignazio";
 * - an entry ending in `*` matches every word starting with it: "idiot*" matches "Idioten", "idiotisch";
 * - umlauts and ß are folded: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss, other accents are dropped, so
 *   "Scheiße", "Scheisse" and "scheiße" are the same word;
 * - simple leetspeak inside words that contain a letter: 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s ("sh1t");
 * - an entry of several words ("dumme kuh") matches those words in sequence.
 */

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const TOKEN = /[\p{L}\p{N}@$]+/gu;

function fold(word: string): string {
  let w = word.toLowerCase();
  if (/\p{L}/u.test(w)) w = w.replace(/[013457@$]/g, (c) => LEET[c] ?? c);
  w = w.replace(/ß/g, 'ss').normalize('NFKD').replace(/\p{M}/gu, '');
  return w.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

export function tokenize(text: string): string[] {
  return (text.match(TOKEN) ?? []).map(fold).filter((t) => t.length > 0);
}

interface Pattern {
  entry: string;
  tokens: string[];
  prefix: boolean;
}

function compile(entry: string): Pattern | null {
  const trimmed = entry.trim();
  const prefix = trimmed.endsWith('*');
  const tokens = tokenize(prefix ? trimmed.slice(0, -1) : trimmed);
  return tokens.length ? { entry: trimmed, tokens, prefix } : null;
}

function matchesAt(words: string[], start: number, p: Pattern): boolean {
  for (let k = 0; k < p.tokens.length; k++) {
    const word = words[start + k];
    const want = p.tokens[k]!;
    if (word === undefined) return false;
    const last = k === p.tokens.length - 1;
    if (last && p.prefix ? !word.startsWith(want) : word !== want) return false;
  }
  return true;
}

/** The blocked-word entries (as written in the list) that occur in text, each once, in list order. */
export function findBlockedWords(text: string, blocked: readonly string[]): string[] {
  if (blocked.length === 0) return [];
  const words = tokenize(text);
  if (words.length === 0) return [];
  const present = new Set(words);
  const found: string[] = [];
  const seen = new Set<string>();
  for (const entry of blocked) {
    const p = compile(entry);
    if (!p || seen.has(p.entry.toLowerCase())) continue;
    // Fast path for the common case: a single whole word is a set lookup.
    const hit =
      p.tokens.length === 1 && !p.prefix ? present.has(p.tokens[0]!) : words.some((_, i) => matchesAt(words, i, p));
    if (hit) {
      seen.add(p.entry.toLowerCase());
      found.push(p.entry);
    }
  }
  return found;
}
