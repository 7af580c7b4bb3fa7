/**
 * The organizer's attendee fields (e.g. company), which breakout rounds can spread by. Opens by itself
 * while a required answer is missing; otherwise the answers are shown with a button to change them.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendeeField } from '../../shared/people/schemas.js';
import { useEventState } from '../kernel/react.js';
import { useCommand } from '../kernel/useCommand.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import { missingFields } from './selectors.js';

const NO_FIELDS: readonly AttendeeField[] = [];
const NO_ANSWERS: Readonly<Record<string, string>> = {};

export function ProfileForm() {
  const { t } = useTranslation();
  const fields = useEventState((s) => s.synced.event?.settings.attendeeFields ?? NO_FIELDS);
  const answers = useEventState((s) => s.synced.people.myAttributes ?? NO_ANSWERS);
  const [editing, setEditing] = useState(false);
  if (fields.length === 0) return null;
  const missing = missingFields(fields, answers);
  if (missing.length === 0 && !editing) {
    const given = fields.filter((f) => answers[f.key]);
    return (
      <div className="name-row profile-row">
        <p>
          {given.length === 0
            ? t('breakouts.profile.none')
            : given.map((f) => `${f.label}: ${answers[f.key]}`).join(' · ')}
        </p>
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
          {t('breakouts.profile.change')}
        </Button>
      </div>
    );
  }
  return <ProfileEditor fields={fields} answers={answers} required={missing.length > 0} onDone={() => setEditing(false)} />;
}

function ProfileEditor({ fields, answers, required, onDone }: {
  fields: readonly AttendeeField[];
  answers: Readonly<Record<string, string>>;
  required: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const save = useCommand('attendee:profile');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.key, answers[f.key] ?? ''])));
  const [tried, setTried] = useState(false);
  const baseId = useId();
  const empty = fields.filter((f) => f.required && !(values[f.key] ?? '').trim());

  return (
    <section className="card" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`}>{t('breakouts.profile.heading')}</h2>
      <p className="hint">{t('breakouts.profile.lead')}</p>
      <form
        className="stack"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setTried(true);
          if (empty.length > 0) return;
          const attributes = Object.fromEntries(fields.map((f) => [f.key, (values[f.key] ?? '').trim()]).filter(([, v]) => v !== ''));
          const ack = await save.run({ attributes });
          if (ack.ok) onDone();
        }}
      >
        {fields.map((f) => {
          const invalid = tried && empty.includes(f);
          return (
            <div key={f.key} className="field">
              <label htmlFor={`${baseId}-${f.key}`}>
                {f.label}
                {f.required ? ` (${t('breakouts.profile.required')})` : ''}
              </label>
              <input
                id={`${baseId}-${f.key}`}
                type="text"
                maxLength={100}
                value={values[f.key] ?? ''}
                aria-required={f.required || undefined}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${baseId}-${f.key}-err` : undefined}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              />
              {invalid && (
                <p className="error-text" id={`${baseId}-${f.key}-err`}>
                  {t('breakouts.profile.missing', { label: f.label })}
                </p>
              )}
            </div>
          );
        })}
        <div className="actions">
          <Button type="submit" variant="primary" busy={save.busy}>
            {t('breakouts.profile.save')}
          </Button>
          {!required && <Button onClick={onDone}>{t('common.cancel')}</Button>}
        </div>
        <ErrorText error={save.error} />
      </form>
    </section>
  );
}
