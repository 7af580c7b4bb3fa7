/** Create or edit an event: title, format, date, language and the Q&A settings that matter up front. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateEventBody, EventDetails } from '../../shared/api.js';
import { EventFormat, Language } from '../../shared/events/schemas.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';

export interface EventFormValues {
  title: string;
  format: EventFormat;
  language: Language;
  /** datetime-local value (local time, no zone) or '' */
  startsAt: string;
  premoderation: boolean;
  anonymousAllowed: boolean;
  maxQuestionLength: string;
}

export function emptyValues(language: Language): EventFormValues {
  return { title: '', format: 'talk', language, startsAt: '', premoderation: false, anonymousAllowed: true, maxQuestionLength: '300' };
}

/** ISO instant → the local "YYYY-MM-DDTHH:mm" a datetime-local field shows. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function valuesOf(event: EventDetails): EventFormValues {
  return {
    title: event.title,
    format: event.format,
    language: event.language,
    startsAt: toLocalInput(event.startsAt),
    premoderation: event.settings.qa.premoderation,
    anonymousAllowed: event.settings.qa.anonymousAllowed,
    maxQuestionLength: String(event.settings.qa.maxQuestionLength),
  };
}

export function bodyOf(v: EventFormValues): CreateEventBody {
  return {
    title: v.title.trim(),
    format: v.format,
    language: v.language,
    startsAt: v.startsAt ? new Date(v.startsAt).toISOString() : null,
    settings: { qa: { premoderation: v.premoderation, anonymousAllowed: v.anonymousAllowed, maxQuestionLength: Number(v.maxQuestionLength) } },
  };
}

export function EventForm({ initial, submitLabel, onSubmit, onCancel }: {
  initial: EventFormValues;
  submitLabel: string;
  onSubmit(body: CreateEventBody): Promise<{ code: string } | null>;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string } | null>(null);
  const ids = { title: useId(), format: useId(), language: useId(), startsAt: useId(), max: useId() };
  const set = (patch: Partial<EventFormValues>) => setV((prev) => ({ ...prev, ...patch }));
  const max = Number(v.maxQuestionLength);
  const valid = v.title.trim().length > 0 && Number.isInteger(max) && max >= 20 && max <= 2000;

  return (
    <form
      className="event-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!valid) return setError({ code: 'form_invalid' });
        setBusy(true);
        setError(null);
        const failure = await onSubmit(bodyOf(v));
        setBusy(false);
        setError(failure);
      }}
    >
      <div className="field field-wide">
        <label htmlFor={ids.title}>{t('eventForm.title')}</label>
        <input id={ids.title} type="text" required maxLength={200} value={v.title} onChange={(e) => set({ title: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={ids.format}>{t('eventForm.format')}</label>
        <select id={ids.format} value={v.format} onChange={(e) => set({ format: e.target.value as EventFormat })}>
          {EventFormat.options.map((f) => (
            <option key={f} value={f}>
              {t(`format.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.startsAt}>{t('eventForm.startsAt')}</label>
        <input id={ids.startsAt} type="datetime-local" value={v.startsAt} onChange={(e) => set({ startsAt: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={ids.language}>{t('eventForm.language')}</label>
        <select id={ids.language} value={v.language} onChange={(e) => set({ language: e.target.value as Language })}>
          {Language.options.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field-wide">
        <legend>{t('eventForm.qa')}</legend>
        <label className="check">
          <input type="checkbox" checked={v.premoderation} onChange={(e) => set({ premoderation: e.target.checked })} />
          {t('settings.premoderation')}
        </label>
        <label className="check">
          <input type="checkbox" checked={v.anonymousAllowed} onChange={(e) => set({ anonymousAllowed: e.target.checked })} />
          {t('settings.anonymousAllowed')}
        </label>
        <div className="field">
          <label htmlFor={ids.max}>{t('settings.maxLength')}</label>
          <input id={ids.max} type="number" min={20} max={2000} value={v.maxQuestionLength} onChange={(e) => set({ maxQuestionLength: e.target.value })} />
        </div>
      </fieldset>
      <div className="actions field-wide">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </div>
      <div className="field-wide">
        <ErrorText error={error} />
      </div>
    </form>
  );
}
