/** Open text: one answer up to 300 characters, with a counter; moderated polls say so. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import type { DefinitionOf, OpenEntryState } from '../../../shared/polls/schemas.js';
import { CharCounter } from '../CharCounter.js';
import { AnswerShell, type AnswerFormProps } from './AnswerShell.js';

export function OpenTextAnswer({ definition, openState, ...form }: AnswerFormProps & { definition: DefinitionOf<'open'>; openState?: OpenEntryState | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(form.mine?.type === 'open' ? form.mine.text : '');
  const length = text.trim().length;
  const max = POLL_LIMITS.openTextMax;
  return (
    <AnswerShell
      {...form}
      question={definition.question}
      hint={definition.review ? t('polls.open.reviewed') : undefined}
      build={() => (length > 0 && length <= max ? { type: 'open', text: text.trim() } : null)}
    >
      {() => (
        <div className="field">
          <label htmlFor={id}>{t('polls.open.label')}</label>
          <textarea
            id={id}
            rows={4}
            value={text}
            aria-invalid={length > max || undefined}
            aria-describedby={`${id}-count`}
            onChange={(e) => setText(e.target.value)}
          />
          <CharCounter id={`${id}-count`} length={length} max={max} />
          {openState && <p className={`poll-open-state is-${openState}`}>{t(`polls.open.state.${openState}`)}</p>}
        </div>
      )}
    </AnswerShell>
  );
}
