/**
 * Three-way merge of a group's shared result text, the one rule both the server (when a save arrives) and
 * the browser (when a remote version arrives while the member types) apply. A member's change is the
 * text they started from (base) → their text (mine); when others saved in between (base → current), the
 * patch base → mine is applied to the current text (diff-match-patch's fuzzy patching finds the spot
 * even when the text around it moved). A hunk that cannot be placed is not dropped: its inserted text is
 * appended, so nobody's typing is lost. Pure.
 */
import DiffMatchPatch from 'diff-match-patch';

/** One shared instance with deterministic output whatever the device's speed (the default 1 s timeout makes diffs time-dependent). */
export const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0;

export function mergeText(base: string, mine: string, current: string): string {
  if (mine === base) return current;
  if (current === base || current === mine) return mine;
  // (@types/diff-match-patch declares the patches as constructors; they are patch objects.)
  const made = dmp.patch_make(base, mine);
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
