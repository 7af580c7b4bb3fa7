/** Single choice (radio buttons) and multiple choice (checkboxes, at most maxSelections). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefinitionOf } from '../../../shared/polls/schemas.js';
import { AnswerShell, type AnswerFormProps } from './AnswerShell.js';

export function SingleChoiceAnswer({ definition, ...form }: AnswerFormProps & { definition: DefinitionOf<'single'> }) {
  const name = useId();
  const initial = form.mine?.type === 'single' ? form.mine.optionId : null;
  const [choice, setChoice] = useState<string | null>(initial);
  return (
    <AnswerShell {...form} question={definition.question} build={() => (choice ? { type: 'single', optionId: choice } : null)}>
      {() => (
        <ul className="poll-options" role="presentation">
          {definition.options.map((o) => (
            <li key={o.id}>
              <label className="poll-option">
                <input type="radio" name={name} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} />
                <span className="poll-option-text">{o.text}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </AnswerShell>
  );
}

export function MultipleChoiceAnswer({ definition, ...form }: AnswerFormProps & { definition: DefinitionOf<'multiple'> }) {
  const { t } = useTranslation();
  const initial = form.mine?.type === 'multiple' ? form.mine.optionIds : [];
  const [chosen, setChosen] = useState<string[]>(initial);
  const max = definition.maxSelections;
  const full = chosen.length >= max;
  return (
    <AnswerShell
      {...form}
      question={definition.question}
      hint={
        <>
          {max >= definition.options.length ? t('polls.answer.chooseAny') : t('polls.answer.chooseUpTo', { count: max })}{' '}
          <span aria-live="polite">{t('polls.answer.chosen', { count: chosen.length, max })}</span>
        </>
      }
      build={() => (chosen.length > 0 && chosen.length <= max ? { type: 'multiple', optionIds: definition.options.filter((o) => chosen.includes(o.id)).map((o) => o.id) } : null)}
    >
      {() => (
        <ul className="poll-options" role="presentation">
          {definition.options.map((o) => {
            const on = chosen.includes(o.id);
            return (
              <li key={o.id}>
                <label className={`poll-option${!on && full ? ' is-unavailable' : ''}`}>
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && full}
                    onChange={() => setChosen(on ? chosen.filter((id) => id !== o.id) : [...chosen, o.id])}
                  />
                  <span className="poll-option-text">{o.text}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </AnswerShell>
  );
}
