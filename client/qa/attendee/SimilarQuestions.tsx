/**
 * While an attendee types: up to three similar questions already asked ("Already asked? Upvote instead"),
 * each with its upvote button. The lookup runs on the client's own state (the live and answered questions
 * it has), debounced, against an index that is updated incrementally. The matcher loads with the first
 * keystroke (useSimilarIndex; the ask box prefetches it on focus).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { useSimilarIndex, type Texts } from '../useSimilarIndex.js';
import { VoteButton } from './VoteButton.js';

/** Suggestions may show a little more than the moderators' duplicate threshold (see similarity-index.ts). */
export const SUGGESTION_THRESHOLD = 0.65;
export const SUGGESTION_DEBOUNCE_MS = 250;

export function SimilarQuestions({ draft }: { draft: string }) {
  const { t } = useTranslation();
  const questions = useEventState((s) => s.synced.qa.questions);
  const myVotes = useEventState((s) => s.synced.qa.myVotes);
  const texts = useMemo(() => {
    const out: Record<string, string> = {};
    for (const q of Object.values(questions)) if (q.state === 'live') out[q.id] = q.text;
    return out as Texts;
  }, [questions]);
  const index = useSimilarIndex(texts, draft.trim() !== '');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(draft.trim()), SUGGESTION_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  const matches = useMemo(
    () => (query.length < 8 || !index ? [] : index.findSimilar(query, { limit: 3, threshold: SUGGESTION_THRESHOLD })),
    [index, query, texts],
  );
  const found = matches.map((m) => questions[m.id]).filter((q) => q !== undefined);
  if (found.length === 0) return null;
  return (
    <section className="similar" aria-labelledby="similar-heading" aria-live="polite">
      <h3 id="similar-heading">{t('qa.similar.heading')}</h3>
      <ul className="q-list">
        {found.map((q) => (
          <li key={q.id} className="q-item similar-item" data-question-id={q.id}>
            <div className="q-main">
              <p className="q-text">{q.text}</p>
            </div>
            <VoteButton question={q} voted={myVotes[q.id] === true} />
          </li>
        ))}
      </ul>
    </section>
  );
}
