/** The overlay's auto-hide in seconds (settings.stage.overlayAutoHideS): empty = until taken off air. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';

/** The field's text as seconds: null for empty, undefined when invalid. */
export function parseAutoHide(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 3 && n <= 3600 ? n : undefined;
}

export function AutoHideField() {
  const { t } = useTranslation();
  const id = useId();
  const saved = useEventState((s) => s.synced.event?.settings.stage.overlayAutoHideS ?? null);
  const [text, setText] = useState(saved === null ? '' : String(saved));
  const [invalid, setInvalid] = useState(false);
  const save = useCommand('event:settings');
  useEffect(() => setText(saved === null ? '' : String(saved)), [saved]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = parseAutoHide(text);
    setInvalid(value === undefined);
    if (value === undefined || value === saved) return;
    void save.run({ stage: { overlayAutoHideS: value } });
  };
  return (
    <form className="onair-row" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-s`}>{t('stage.onAir.autoHide')}</label>
      <input
        id={`${id}-s`}
        type="text"
        inputMode="numeric"
        size={5}
        value={text}
        aria-describedby={`${id}-h${invalid ? ` ${id}-e` : ''}`}
        aria-invalid={invalid || undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <Button type="submit" size="sm" busy={save.busy}>
        {t('common.save')}
      </Button>
      <p id={`${id}-h`} className="hint">
        {t('stage.onAir.autoHideHint')}
      </p>
      {invalid && (
        <p id={`${id}-e`} className="error-text" role="alert">
          {t('stage.onAir.autoHideInvalid')}
        </p>
      )}
      <ErrorText error={save.error} />
    </form>
  );
}
