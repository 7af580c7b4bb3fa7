/**
 * Which chat messages become questions (the per-event rule), and the question text made of them.
 * Pure and locale-aware; no IO.
 *
 * - Text is normalised first: Unicode NFC, zero-width characters removed, any run of whitespace
 *   (newlines, no-break spaces) becomes one space, trimmed.
 * - A message needs some substance to become a question: at least one letter or digit outside YouTube
 *   emoji shortcodes (":face-blue-smiling:"). "???", "🤔?" and "Frage:" alone never match.
 * - Prefixes match at the start, case-insensitively ("FRAGE:", "frage:"), after optional leading quotes
 *   or emoji („Frage: …“, "🙋 Q: …"), with optional space before the colon ("Frage :") and the full-width
 *   colon ("Frage："). A prefix without a trailing colon ("#frage") must end at a word boundary
 *   ("#fragen" does not match). The longest matching prefix wins ("Frage:" before "F:").
 * - The prefix (and a quote that opened before it, with its closing partner) is removed from the question
 *   text under every rule, not only under `prefix`.
 */
import type { ChatImportRule } from '../../../shared/chat/schemas.js';

export interface SelectionRule {
  chatImport: ChatImportRule;
  prefixes: readonly string[];
}

export interface Selection {
  /** The rule selects this message as a question. */
  matched: boolean;
  /** The question text: normalised, prefix removed. */
  text: string;
  /** The configured prefix that matched, or null. */
  prefix: string | null;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/gu;
const SHORTCODE = /:[A-Za-z0-9_+-]+:/gu;
const QUESTION_MARK = /[?？¿⸮⁇⁈⁉]/u;
const OPENING_QUOTES = /[„"“”«»‚‘’'‹›]/u;
const CLOSING_QUOTE_AT_END = /[“”"«»‘’'‹›]$/u;
const COLONS = '[:：﹕꞉]';
const TRAILING_TERMINATOR = /\s*[:：﹕꞉]$/u;

export function normalizeText(raw: string): string {
  return raw.normalize('NFC').replace(ZERO_WIDTH, '').replace(/\s+/gu, ' ').trim();
}

/** At least one letter or digit outside emoji shortcodes. */
export function hasSubstance(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(SHORTCODE, ' '));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CompiledPrefix {
  prefix: string;
  pattern: RegExp;
  length: number;
}

function compilePrefix(prefix: string): CompiledPrefix | null {
  const p = normalizeText(prefix);
  const endsWithColon = TRAILING_TERMINATOR.test(p);
  const core = p.replace(TRAILING_TERMINATOR, '');
  if (!core) return null;
  // Leading: anything that is not a letter or digit (spaces, quotes, emoji), as little as possible.
  const lead = '^([^\\p{L}\\p{N}]*?)';
  const tail = endsWithColon ? `\\s*${COLONS}\\s*` : `(?![\\p{L}\\p{N}])\\s*(?:${COLONS}\\s*)?`;
  return { prefix, pattern: new RegExp(`${lead}${escapeRegExp(core)}${tail}`, 'iu'), length: core.length };
}

/** Removes the longest matching prefix; returns the rest (trimmed) and which prefix it was. */
export function stripPrefix(text: string, prefixes: readonly string[]): { text: string; prefix: string | null } {
  const compiled = prefixes
    .map(compilePrefix)
    .filter((c): c is CompiledPrefix => c !== null)
    .sort((a, b) => b.length - a.length);
  for (const c of compiled) {
    const m = c.pattern.exec(text);
    if (!m) continue;
    let rest = text.slice(m[0].length).trim();
    const lead = m[1] ?? '';
    if (OPENING_QUOTES.test(lead) && CLOSING_QUOTE_AT_END.test(rest)) rest = rest.slice(0, -1).trimEnd();
    return { text: rest, prefix: c.prefix };
  }
  return { text, prefix: null };
}

export function selectMessage(raw: string, rule: SelectionRule): Selection {
  const normalized = normalizeText(raw);
  const { text, prefix } = stripPrefix(normalized, rule.prefixes);
  const substance = hasSubstance(text);
  let matched: boolean;
  switch (rule.chatImport) {
    case 'off':
      matched = false;
      break;
    case 'all':
      matched = substance;
      break;
    case 'question-mark':
      matched = substance && QUESTION_MARK.test(text);
      break;
    case 'prefix':
      matched = substance && prefix !== null;
      break;
  }
  return { matched, text, prefix };
}
