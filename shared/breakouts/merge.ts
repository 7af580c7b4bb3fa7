/**
 * Three-way merge of a group's shared result text, the one rule both the server (when a save arrives) and
 * the browser (when a remote version arrives while the member types) apply. A member's change is the
 * text they started from (base) → their text (mine); when others saved in between (base → current), the
 * patch base → mine is applied to the current text (diff-match-patch's fuzzy patching finds the spot
 * even when the text around it moved). A hunk that cannot be placed is not dropped: its inserted text is
 * appended, so nobody's typing is lost. Pure.
 *
 * When the two changes touch separate parts of the base, they are combined directly (no fuzzy guessing).
 * Two insertions at the same place of the base (typically: two members start typing into the empty
 * field) would otherwise run into one another mid-sentence; they are kept as separate lines instead, mine
 * first (as the patch placed it before): someone still typing at the end of their own line keeps typing
 * there, and the other's text follows on its own line.
 */
import DiffMatchPatch from 'diff-match-patch';

/** One shared instance with deterministic output whatever the device's speed (the default 1 s timeout makes diffs time-dependent). */
export const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0;

export function mergeText(base: string, mine: string, current: string): string {
  if (mine === base) return current;
  if (current === base || current === mine) return mine;
  const direct = combine(base, edits(base, mine), edits(base, current));
  if (direct !== null) return direct;
  return patchOnto(base, mine, current);
}

/** One change of the base: the span [start, end) of the base is replaced by `text` (start = end: an insertion). */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function edits(from: string, to: string): Edit[] {
  // The same cleanup patch_make applies, so both paths see the same hunks.
  const diffs = dmp.diff_main(from, to);
  dmp.diff_cleanupSemantic(diffs);
  dmp.diff_cleanupEfficiency(diffs);
  const out: Edit[] = [];
  let at = 0;
  let open: Edit | null = null;
  for (const [op, text] of diffs) {
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      if (open) out.push(open);
      open = null;
      at += text.length;
      continue;
    }
    open ??= { start: at, end: at, text: '' };
    if (op === DiffMatchPatch.DIFF_DELETE) {
      at += text.length;
      open.end = at;
    } else open.text += text;
  }
  if (open) out.push(open);
  return out;
}

const isInsert = (e: Edit) => e.start === e.end;

/** Joins two texts inserted at the same place on their own lines, unless a line break already separates them. */
function joinLines(first: string, second: string): string {
  if (first === '' || second === '' || first.endsWith('\n') || second.startsWith('\n')) return first + second;
  return `${first}\n${second}`;
}

/**
 * Both edit lists applied to the base, or null when they overlap (two changes of the same span): then the
 * fuzzy patch decides as before. An insertion meeting the other side's change at the same offset is not an
 * overlap: the two go one after the other, mine first.
 */
function combine(base: string, mine: Edit[], current: Edit[]): string | null {
  let out = '';
  let at = 0;
  let i = 0;
  let j = 0;
  while (i < mine.length || j < current.length) {
    const m = mine[i];
    const c = current[j];
    let start: number;
    let end: number;
    let text: string;
    if (m && c && m.start === c.start && (isInsert(m) || isInsert(c))) {
      if (m.start === m.end && c.start === c.end && m.text === c.text) text = c.text;
      else text = joinLines(m.text, c.text);
      start = m.start;
      end = Math.max(m.end, c.end);
      i++;
      j++;
    } else if (m && c && m.start === c.start && m.end === c.end && m.text === c.text) {
      // Both made the same change: it happens once.
      ({ start, end, text } = c);
      i++;
      j++;
    } else {
      const next = !c || (m && m.start < c.start) ? m! : c;
      const other = next === m ? c : m;
      // The other side's next change begins inside this one (or an insertion of it falls strictly inside).
      if (other && other.start < next.end) return null;
      ({ start, end, text } = next);
      if (next === m) i++;
      else j++;
    }
    if (start < at) return null;
    out += base.slice(at, start) + text;
    at = end;
  }
  return out + base.slice(at);
}

/** The fuzzy path: mine's patch applied to current, and whatever cannot be placed appended. */
function patchOnto(base: string, mine: string, current: string): string {
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
