/**
 * A similarity index over questions from the client's state, kept up to date incrementally: only added,
 * changed and removed texts touch the index (1,000 questions are indexed once, not on every delta).
 * The matcher (shared/qa/similarity: stemmers, stop words, scoring) is not in the attendee page's first
 * load: it loads when the attendee starts typing a question, prefetched when the ask box gets the focus.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SimilarityIndex } from '../../shared/qa/similarity/index.js';

export interface Texts {
  readonly [id: string]: string;
}

type Similarity = typeof import('../../shared/qa/similarity/index.js');
let loaded: Promise<Similarity> | null = null;

/** Loads the matcher once (again after a failed load); the ask box calls it on focus. */
export function loadSimilarity(): Promise<Similarity> {
  loaded ??= import('../../shared/qa/similarity/index.js').catch((err: unknown) => {
    loaded = null;
    throw err;
  });
  return loaded;
}

/** Brings `index` from the texts it holds (`held`) to `next`; returns the new held map. Pure apart from the index. */
export function syncIndex(index: SimilarityIndex, held: Texts, next: Texts): Texts {
  for (const id of Object.keys(held)) if (!(id in next)) index.remove(id);
  for (const [id, text] of Object.entries(next)) if (held[id] !== text) index.update(id, text);
  return next;
}

/** The index over `texts`, or null until `wanted` is true and the matcher has loaded (suggestions wait for it). */
export function useSimilarIndex(texts: Texts, wanted = true): SimilarityIndex | null {
  const [similarity, setSimilarity] = useState<Similarity | null>(null);
  useEffect(() => {
    if (!wanted || similarity) return;
    let live = true;
    loadSimilarity().then(
      (m) => {
        if (live) setSimilarity(m);
      },
      () => {
        // Offline: no suggestions (asking still works); the next draft tries again.
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, similarity]);
  const ref = useRef<{ index: SimilarityIndex; held: Texts } | null>(null);
  if (ref.current === null && similarity) ref.current = { index: similarity.createSimilarityIndex(), held: {} };
  const state = ref.current;
  useMemo(() => {
    if (state) state.held = syncIndex(state.index, state.held, texts);
  }, [state, texts]);
  return state?.index ?? null;
}
