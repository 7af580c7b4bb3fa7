/** An inline editor for one text (question text, reply, labels) with save and cancel. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import { Counter } from '../../ui/Counter.js';

export interface TextEditorProps {
  label: string;
  initial: string;
  submitLabel: string;
  busy: boolean;
  max?: number;
  multiline?: boolean;
  /** Allow saving an empty text (clearing a reply). */
  allowEmpty?: boolean;
  hint?: string;
  onSubmit(text: string): Promise<boolean>;
  onCancel(): void;
}

export function TextEditor({ label, initial, submitLabel, busy, max, multiline = true, allowEmpty = false, hint, onSubmit, onCancel }: TextEditorProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const fieldId = useId();
  const counterId = useId();
  const hintId = useId();
  const length = text.trim().length;
  const invalid = (!allowEmpty && length === 0) || (max !== undefined && length > max);
  const describedBy = [max !== undefined ? counterId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!invalid) await onSubmit(text.trim());
      }}
    >
      <label htmlFor={fieldId}>{label}</label>
      {multiline ? (
        <textarea id={fieldId} rows={3} value={text} autoFocus aria-describedby={describedBy} onChange={(e) => setText(e.target.value)} />
      ) : (
        <input id={fieldId} type="text" value={text} autoFocus aria-describedby={describedBy} onChange={(e) => setText(e.target.value)} />
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {max !== undefined && <Counter id={counterId} length={length} max={max} />}
      <div className="actions">
        <Button type="submit" variant="primary" size="sm" busy={busy} disabled={invalid}>
          {submitLabel}
        </Button>
        <Button size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
