/**
 * A similarity index over questions from the client's state, kept up to date incrementally: only added,
 * changed and removed texts touch the index (1,000 questions are indexed once, not on every delta).
 */
import { useMemo, useRef } from 'react';
import { createSimilarityIndex, type SimilarityIndex } from '../../shared/qa/similarity/index.js';

export interface Texts {
  readonly [id: string]: string;
}

/** Brings `index` from the texts it holds (`held`) to `next`; returns the new held map. Pure apart from the index. */
export function syncIndex(index: SimilarityIndex, held: Texts, next: Texts): Texts {
  for (const id of Object.keys(held)) if (!(id in next)) index.remove(id);
  for (const [id, text] of Object.entries(next)) if (held[id] !== text) index.update(id, text);
  return next;
}

export function useSimilarIndex(texts: Texts): SimilarityIndex {
  const ref = useRef<{ index: SimilarityIndex; held: Texts } | null>(null);
  if (ref.current === null) ref.current = { index: createSimilarityIndex(), held: {} };
  const state = ref.current;
  useMemo(() => {
    state.held = syncIndex(state.index, state.held, texts);
  }, [state, texts]);
  return state.index;
}
