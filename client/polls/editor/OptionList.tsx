/** Editable options (2–12) or ranking items (2–10): text, move up/down, remove, add; quiz options also "correct". */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import type { PollOption } from '../../../shared/polls/schemas.js';
import { nextId } from './editor-state.js';

export function OptionList({ options, onChange, min, max, legend, correct, onCorrect, itemLabel }: {
  options: readonly PollOption[];
  onChange(options: PollOption[]): void;
  min: number;
  max: number;
  legend: string;
  /** Quiz: ids marked correct. */
  correct?: readonly string[];
  onCorrect?(ids: string[]): void;
  /** Label of one entry, e.g. "Option {{n}}". */
  itemLabel(n: number): string;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const set = (i: number, text: string) => onChange(options.map((o, k) => (k === i ? { ...o, text } : o)));
  const move = (i: number, to: number) => {
    const out = [...options];
    const [o] = out.splice(i, 1);
    out.splice(to, 0, o!);
    onChange(out);
  };
  return (
    <fieldset className="poll-editor-options">
      <legend>{legend}</legend>
      <p className="hint">{t('polls.editor.optionsRange', { min, max })}</p>
      <ol className="poll-editor-list">
        {options.map((o, i) => {
          const id = `${baseId}-${o.id}`;
          const label = itemLabel(i + 1);
          return (
            <li key={o.id} className="poll-editor-option">
              <label htmlFor={id} className="sr-only">
                {label}
              </label>
              <input id={id} type="text" value={o.text} maxLength={POLL_LIMITS.optionMax} placeholder={label} onChange={(e) => set(i, e.target.value)} />
              <span className="poll-editor-option-tools">
                {correct && onCorrect && (
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={correct.includes(o.id)}
                      onChange={(e) => onCorrect(e.target.checked ? [...correct, o.id] : correct.filter((c) => c !== o.id))}
                    />
                    {t('polls.editor.correct')}
                    <span className="sr-only"> ({label})</span>
                  </label>
                )}
                <button type="button" className="btn btn-ghost btn-sm" disabled={i === 0} aria-label={t('polls.editor.up', { label })} onClick={() => move(i, i - 1)}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button type="button" className="btn btn-ghost btn-sm" disabled={i === options.length - 1} aria-label={t('polls.editor.down', { label })} onClick={() => move(i, i + 1)}>
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  disabled={options.length <= min}
                  aria-label={t('polls.editor.remove', { label })}
                  onClick={() => {
                    onChange(options.filter((_, k) => k !== i));
                    if (correct && onCorrect) onCorrect(correct.filter((c) => c !== o.id));
                  }}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-secondary btn-sm" disabled={options.length >= max} onClick={() => onChange([...options, { id: nextId('o', options), text: '' }])}>
        {t('polls.editor.addOption')}
      </button>
    </fieldset>
  );
}
