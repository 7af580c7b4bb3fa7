/** Word cloud: up to maxWords short inputs (≤ 40 characters each); empty inputs are left out. One answer per person (changeable if allowed). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import type { DefinitionOf } from '../../../shared/polls/schemas.js';
import { CharCounter } from '../CharCounter.js';
import { AnswerShell, type AnswerFormProps } from './AnswerShell.js';

export function WordCloudAnswer({ definition, ...form }: AnswerFormProps & { definition: DefinitionOf<'wordcloud'> }) {
  const { t } = useTranslation();
  const baseId = useId();
  const initial = form.mine?.type === 'wordcloud' ? form.mine.words : [];
  const [words, setWords] = useState<string[]>(() => Array.from({ length: definition.maxWords }, (_, i) => initial[i] ?? ''));
  const max = POLL_LIMITS.wordMax;
  const filled = words.map((w) => w.trim()).filter(Boolean);
  const tooLong = words.some((w) => w.trim().length > max);
  return (
    <AnswerShell
      {...form}
      question={definition.question}
      hint={t('polls.words.hint', { count: definition.maxWords, max })}
      build={() => (filled.length > 0 && !tooLong ? { type: 'wordcloud', words: filled } : null)}
    >
      {() => (
        <div className="poll-words">
          {words.map((w, i) => {
            const id = `${baseId}-${i}`;
            const over = w.trim().length > max;
            return (
              <div key={i} className="field">
                <label htmlFor={id}>{definition.maxWords === 1 ? t('polls.words.single') : t('polls.words.label', { n: i + 1 })}</label>
                <input
                  id={id}
                  type="text"
                  autoComplete="off"
                  value={w}
                  aria-invalid={over || undefined}
                  aria-describedby={`${id}-count`}
                  onChange={(e) => setWords(words.map((x, k) => (k === i ? e.target.value : x)))}
                />
                <CharCounter id={`${id}-count`} length={w.trim().length} max={max} />
              </div>
            );
          })}
        </div>
      )}
    </AnswerShell>
  );
}
