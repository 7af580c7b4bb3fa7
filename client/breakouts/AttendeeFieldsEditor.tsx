/**
 * The organizer's questions to attendees (e.g. company: breakout rounds can spread by them) and the
 * breakout call-back countdown. Used on the event page (REST) and in the panel (socket); the caller saves.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSettings, EventSettingsPatch } from '../../shared/events/schemas.js';
import { AttendeeField } from '../../shared/people/index.js';
import type { ErrorLike } from '../i18n/errors.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import './breakouts.css';

interface Row {
  key: string;
  label: string;
  required: boolean;
  /** The key was typed by hand (otherwise it follows the label). */
  keyTouched: boolean;
}

/** "Firma / Organisation" → "firma_organisation": a valid field key from a label. */
export function keyFromLabel(label: string): string {
  const base = label
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 30);
  return base;
}

export function rowsProblems(rows: readonly Row[]): Array<'key' | 'label' | 'duplicate' | null> {
  const seen = new Map<string, number>();
  return rows.map((r, i) => {
    if (!r.label.trim()) return 'label';
    if (!AttendeeField.shape.key.safeParse(r.key).success) return 'key';
    const first = seen.get(r.key);
    seen.set(r.key, first ?? i);
    return first !== undefined ? 'duplicate' : null;
  });
}

export function AttendeeFieldsEditor({ settings, onSave }: {
  settings: Pick<EventSettings, 'attendeeFields' | 'breakouts'>;
  onSave(patch: EventSettingsPatch): Promise<ErrorLike | null>;
}) {
  const { t } = useTranslation();
  const fromSettings = () => settings.attendeeFields.map((f) => ({ ...f, keyTouched: true }));
  const [rows, setRows] = useState<Row[]>(fromSettings);
  const [closing, setClosing] = useState(String(settings.breakouts.closingSec));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorLike | null>(null);
  const [saved, setSaved] = useState(false);
  const [tried, setTried] = useState(false);
  const id = useId();

  // Follow changes made elsewhere unless this form has unsaved edits.
  useEffect(() => {
    if (dirty) return;
    setRows(fromSettings());
    setClosing(String(settings.breakouts.closingSec));
  }, [settings, dirty]);

  const problems = rowsProblems(rows);
  const c = Number(closing);
  const closingOk = /^\d+$/.test(closing.trim()) && c >= 0 && c <= 600;
  const change = (i: number, patch: Partial<Row>) => {
    setRows((all) =>
      all.map((r, j) => {
        if (j !== i) return r;
        const next = { ...r, ...patch };
        if (patch.label !== undefined && !r.keyTouched) next.key = keyFromLabel(patch.label);
        return next;
      }),
    );
    setDirty(true);
    setSaved(false);
  };

  return (
    <form
      className="fields-editor stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setTried(true);
        if (problems.some((p) => p !== null) || !closingOk) return;
        setBusy(true);
        setError(null);
        const err = await onSave({
          attendeeFields: rows.map((r) => ({ key: r.key, label: r.label.trim(), required: r.required })),
          breakouts: { closingSec: c },
        });
        setBusy(false);
        if (err) setError(err);
        else {
          setDirty(false);
          setSaved(true);
          setTried(false);
        }
      }}
    >
      <p className="hint">{t('breakouts.fields.lead')}</p>
      {rows.length === 0 && <p className="hint">{t('breakouts.fields.none')}</p>}
      <ul className="field-rows">
        {rows.map((r, i) => {
          const problem = tried ? problems[i] : null;
          return (
            <li key={i} className="field-row">
              <div className="field">
                <label htmlFor={`${id}-label-${i}`}>{t('breakouts.fields.label')}</label>
                <input
                  id={`${id}-label-${i}`}
                  type="text"
                  maxLength={60}
                  value={r.label}
                  aria-invalid={problem === 'label' || undefined}
                  onChange={(e) => change(i, { label: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-key-${i}`}>{t('breakouts.fields.key')}</label>
                <input
                  id={`${id}-key-${i}`}
                  type="text"
                  maxLength={30}
                  className="mono"
                  value={r.key}
                  aria-invalid={problem === 'key' || problem === 'duplicate' || undefined}
                  aria-describedby={`${id}-keyhint`}
                  onChange={(e) => change(i, { key: e.target.value, keyTouched: true })}
                />
              </div>
              <label className="check">
                <input type="checkbox" checked={r.required} onChange={(e) => change(i, { required: e.target.checked })} />
                {t('breakouts.fields.required')}
              </label>
              <Button
                size="sm"
                variant="ghost"
                aria-label={t('breakouts.fields.removeLabel', { label: r.label || r.key || String(i + 1) })}
                onClick={() => {
                  setRows(rows.filter((_, j) => j !== i));
                  setDirty(true);
                  setSaved(false);
                }}
              >
                {t('breakouts.fields.remove')}
              </Button>
              {problem && <p className="error-text field-problem">{t(`breakouts.fields.problem.${problem}`)}</p>}
            </li>
          );
        })}
      </ul>
      <p className="hint" id={`${id}-keyhint`}>
        {t('breakouts.fields.keyHint')}
      </p>
      <div className="actions">
        <Button
          size="sm"
          disabled={rows.length >= 10}
          onClick={() => {
            setRows([...rows, { key: '', label: '', required: false, keyTouched: false }]);
            setDirty(true);
            setSaved(false);
          }}
        >
          {t('breakouts.fields.add')}
        </Button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-closing`}>{t('breakouts.fields.closing')}</label>
        <input
          id={`${id}-closing`}
          type="number"
          min={0}
          max={600}
          value={closing}
          aria-invalid={!closingOk || undefined}
          onChange={(e) => {
            setClosing(e.target.value);
            setDirty(true);
            setSaved(false);
          }}
        />
      </div>
      <div className="actions">
        <Button type="submit" variant="primary" size="sm" busy={busy}>
          {t('breakouts.fields.save')}
        </Button>
      </div>
      <ErrorText error={error} />
      <p role="status" className="success-text">
        {saved ? t('breakouts.fields.saved') : ''}
      </p>
    </form>
  );
}
