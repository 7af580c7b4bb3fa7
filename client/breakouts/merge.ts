/**
 * Caret and keystroke mapping for the shared group result: maps a caret position through a text change,
 * so a remote edit does not throw the cursor to the end, and replays a local edit on a newer text. The
 * three-way merge itself is the server's rule and lives in shared/breakouts/merge.ts. Pure.
 */
import DiffMatchPatch from 'diff-match-patch';
import { dmp } from '../../shared/breakouts/merge.js';

/**
 * Where a position in `before` ends up in `after`. Text inserted exactly at the position goes after it,
 * so someone typing at the end of their sentence keeps typing there when another member's text arrives.
 */
export function mapPosition(before: string, after: string, position: number): number {
  if (before === after) return position;
  let inBefore = 0;
  let inAfter = 0;
  for (const [op, text] of dmp.diff_main(before, after)) {
    if (op === DiffMatchPatch.DIFF_INSERT) {
      if (position === inBefore) return inAfter;
      inAfter += text.length;
      continue;
    }
    if (position <= inBefore + text.length) {
      return op === DiffMatchPatch.DIFF_EQUAL ? inAfter + (position - inBefore) : inAfter;
    }
    inBefore += text.length;
    if (op === DiffMatchPatch.DIFF_EQUAL) inAfter += text.length;
  }
  return after.length;
}

/**
 * The edit that turns `shown` into `typed` (one keystroke, a paste, a cut) replayed on `current`, a newer
 * version of `shown`: the changed span is found by common prefix and suffix and moved with
 * `mapPosition`, so the typing lands where the caret was, not where a fuzzy patch would guess.
 */
export function replayEdit(shown: string, typed: string, current: string): string {
  if (shown === current) return typed;
  let start = 0;
  const limit = Math.min(shown.length, typed.length);
  while (start < limit && shown[start] === typed[start]) start++;
  let suffix = 0;
  while (suffix < limit - start && shown[shown.length - 1 - suffix] === typed[typed.length - 1 - suffix]) suffix++;
  const end = shown.length - suffix;
  const inserted = typed.slice(start, typed.length - suffix);
  const from = mapPosition(shown, current, start);
  const to = Math.max(from, mapPosition(shown, current, end));
  return current.slice(0, from) + inserted + current.slice(to);
}
