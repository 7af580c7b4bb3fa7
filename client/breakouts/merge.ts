/**
 * Three-way text merge for the shared group result, the same rule the server applies: the change
 * base → mine is patched onto the current text (diff-match-patch finds the spot even when the text
 * around it moved); a hunk that cannot be placed has its inserted text appended, so nothing typed is
 * lost. Also maps a caret position through a text change, so a remote edit does not throw the cursor
 * to the end. Pure.
 */
import DiffMatchPatch from 'diff-match-patch';

const dmp = new DiffMatchPatch();
// Deterministic results, whatever the device's speed.
dmp.Diff_Timeout = 0;

export function mergeText(base: string, mine: string, current: string): string {
  if (mine === base) return current;
  if (current === base || current === mine) return mine;
  const made = dmp.patch_make(base, mine);
  // (@types/diff-match-patch declares the patches as constructors; they are patch objects.)
  const patches = made as unknown as DiffMatchPatch.patch_obj[];
  const [merged, applied] = dmp.patch_apply(made, current);
  const lost: string[] = [];
  patches.forEach((patch, i) => {
    if (applied[i]) return;
    const inserted = patch.diffs
      .filter(([op]: DiffMatchPatch.Diff) => op === DiffMatchPatch.DIFF_INSERT)
      .map(([, text]: DiffMatchPatch.Diff) => text)
      .join('');
    if (inserted.trim()) lost.push(inserted);
  });
  if (lost.length === 0) return merged;
  return `${merged}${merged.endsWith('\n') || merged === '' ? '' : '\n'}${lost.join('\n')}`;
}

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
