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

/** Where a position in `before` ends up in `after`. */
export function mapPosition(before: string, after: string, position: number): number {
  if (before === after) return position;
  const diffs = dmp.diff_main(before, after);
  return Math.max(0, Math.min(after.length, dmp.diff_xIndex(diffs, position)));
}
