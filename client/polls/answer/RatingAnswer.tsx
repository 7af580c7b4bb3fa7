/** Rating: 1–5 as stars or 1–10 as numbers, both a radio group (arrow keys move), with optional end labels. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefinitionOf } from '../../../shared/polls/schemas.js';
import { AnswerShell, type AnswerFormProps } from './AnswerShell.js';

export function RatingAnswer({ definition, ...form }: AnswerFormProps & { definition: DefinitionOf<'rating'> }) {
  const { t } = useTranslation();
  const name = useId();
  const [value, setValue] = useState<number | null>(form.mine?.type === 'rating' ? form.mine.value : null);
  const stars = definition.scale === 5;
  const values = Array.from({ length: definition.scale }, (_, i) => i + 1);
  const ends = definition.lowLabel || definition.highLabel;
  return (
    <AnswerShell
      {...form}
      question={definition.question}
      hint={ends ? t('polls.rating.ends', { low: definition.lowLabel || '1', high: definition.highLabel || String(definition.scale) }) : undefined}
      build={() => (value ? { type: 'rating', value } : null)}
    >
      {() => (
        <div className="poll-rating">
          <div className={`poll-rating-scale ${stars ? 'is-stars' : 'is-numbers'}`}>
            {values.map((v) => (
              <label key={v} className={`poll-rating-choice${value !== null && (stars ? v <= value : v === value) ? ' is-on' : ''}`}>
                <input className="sr-only" type="radio" name={name} value={v} checked={value === v} onChange={() => setValue(v)} />
                <span aria-hidden="true">{stars ? '★' : v}</span>
                <span className="sr-only">{stars ? t('polls.rating.stars', { count: v }) : t('polls.rating.value', { value: v, max: definition.scale })}</span>
              </label>
            ))}
          </div>
          {ends && (
            <div className="poll-rating-ends" aria-hidden="true">
              <span>{definition.lowLabel}</span>
              <span>{definition.highLabel}</span>
            </div>
          )}
        </div>
      )}
    </AnswerShell>
  );
}
