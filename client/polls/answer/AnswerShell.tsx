/**
 * The frame of every answer form: a fieldset whose legend is the question, the inputs, the submit button,
 * the refusal (in words) and the confirmation. Locked (read-only) when the poll is closed or the attendee
 * already answered and may not change it.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerPayload } from '../../../shared/polls/schemas.js';
import { Button } from '../../ui/Button.js';
import { PollErrorText } from '../PollErrorText.js';
import type { SubmitAnswer } from '../types.js';
import { useSubmit } from '../useSubmit.js';

export interface AnswerFormProps {
  /** The attendee's current answer (personal state), if any. */
  mine?: AnswerPayload | null;
  /** Attendees may change their answer while the poll is open. */
  allowChange?: boolean;
  /** The poll takes no answers now (closed, or its timer ran out). */
  closed?: boolean;
  onSubmit: SubmitAnswer;
}

export interface ShellProps extends AnswerFormProps {
  question: string;
  /** Extra line under the question (e.g. "choose up to 2"). */
  hint?: ReactNode;
  /** The payload to send, or null while the input is incomplete or invalid. */
  build(): AnswerPayload | null;
  /** Called after an accepted answer (e.g. to clear the inputs). */
  onAccepted?(): void;
  children(locked: boolean, ids: { hint: string }): ReactNode;
  className?: string;
}

export function AnswerShell({ question, hint, mine, allowChange = false, closed = false, onSubmit, build, onAccepted, children, className }: ShellProps) {
  const { t } = useTranslation();
  const submit = useSubmit(onSubmit);
  const [saved, setSaved] = useState(false);
  const hintId = useId();
  // `saved` also counts until the personal change brings `mine`, so a second click cannot send again.
  const answered = (mine !== null && mine !== undefined) || saved;
  const locked = closed || (answered && !allowChange);
  const payload = build();
  return (
    <form
      className={`poll-answer ${className ?? ''}`}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (locked || !payload) return;
        setSaved(false);
        const ack = await submit.run(payload);
        if (ack.ok) {
          setSaved(true);
          onAccepted?.();
        }
      }}
    >
      <fieldset disabled={locked} aria-describedby={hint ? hintId : undefined}>
        <legend className="poll-question">{question}</legend>
        {hint && (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        )}
        {children(locked, { hint: hintId })}
      </fieldset>
      {!locked && (
        <div className="actions">
          <Button type="submit" variant="primary" busy={submit.busy} disabled={!payload}>
            {answered ? t('polls.answer.change') : t('polls.answer.submit')}
          </Button>
        </div>
      )}
      <PollErrorText error={submit.error} context="answer" />
      <p className="success-text" role="status">
        {saved ? t('polls.answer.saved') : ''}
      </p>
      {locked && !saved && (
        <p className="notice notice-quiet">{closed ? t('polls.answer.closed') : t('polls.answer.locked')}</p>
      )}
    </form>
  );
}
