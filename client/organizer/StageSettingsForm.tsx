/**
 * The event page's stage settings (settings.stage): theme colours and logo of the presenter screen and the
 * overlay, which screens follow the moderators' choice by themselves, the overlay's default auto-hide,
 * whether speakers may mark questions as answered, and (talk and solution events) the video-meeting link.
 * Checked with the shared schema before saving (the server's own rules); what the server still refuses is
 * shown at the field it names. The caller saves (SettingsCard).
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventFormat } from '../../shared/events/schemas.js';
import { StageSettingsPatch, type StageSettings } from '../../shared/stage/index.js';
import { MEETING_PROVIDER_NAME, meetingProvider } from '../people/index.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import type { SaveError, SaveSettings } from './SettingsCard.js';

const COLOURS = ['background', 'text', 'accent'] as const;
type ColourKey = (typeof COLOURS)[number];
export type StageField = ColourKey | 'logoUrl' | 'autoHide' | 'meetingUrl';
const FIELD_ORDER: readonly StageField[] = ['background', 'text', 'accent', 'logoUrl', 'autoHide', 'meetingUrl'];

/** Formats whose attendees get the video-meeting button. */
export const MEETING_FORMATS: readonly EventFormat[] = ['talk', 'solution'];

/** A schema or server path ("settings.stage.theme.accent", "overlayAutoHideS") → the field that shows it. */
export function stageFieldOf(path: string): StageField | null {
  const rest = path.replace(/^settings\./, '').replace(/^stage\./, '');
  if (rest === 'overlayAutoHideS') return 'autoHide';
  if (rest === 'meetingUrl') return 'meetingUrl';
  const theme = /^theme\.(background|text|accent|logoUrl)$/.exec(rest);
  return theme ? (theme[1] as StageField) : null;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

interface Values {
  colours: Record<ColourKey, string>;
  logoUrl: string;
  followRoom: boolean;
  followOverlay: boolean;
  autoHide: string;
  speakerMayAnswer: boolean;
  meetingUrl: string;
}

function valuesOf(s: StageSettings): Values {
  return {
    colours: { background: s.theme.background ?? '', text: s.theme.text ?? '', accent: s.theme.accent ?? '' },
    logoUrl: s.theme.logoUrl ?? '',
    followRoom: s.follow.room,
    followOverlay: s.follow.overlay,
    autoHide: s.overlayAutoHideS === null ? '' : String(s.overlayAutoHideS),
    speakerMayAnswer: s.speakerMayAnswer,
    meetingUrl: s.meetingUrl ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The patch as typed; the shared schema decides whether it is valid (same rules as the server). */
function patchOf(v: Values, withMeeting: boolean): Record<string, unknown> {
  return {
    theme: {
      background: orNull(v.colours.background),
      text: orNull(v.colours.text),
      accent: orNull(v.colours.accent),
      logoUrl: orNull(v.logoUrl),
    },
    follow: { room: v.followRoom, overlay: v.followOverlay },
    overlayAutoHideS: v.autoHide.trim() === '' ? null : Number(v.autoHide),
    speakerMayAnswer: v.speakerMayAnswer,
    ...(withMeeting ? { meetingUrl: orNull(v.meetingUrl) } : {}),
  };
}

export function StageSettingsForm({ settings, format, onSave }: { settings: StageSettings; format: EventFormat; onSave: SaveSettings }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => valuesOf(settings));
  const [invalid, setInvalid] = useState<ReadonlySet<StageField>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SaveError | null>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const fid = (f: string) => `${id}-${f}`;
  const withMeeting = MEETING_FORMATS.includes(format);
  const provider = values.meetingUrl.trim() ? meetingProvider(values.meetingUrl.trim()) : null;

  const change = (next: Partial<Values>) => {
    setValues((v) => ({ ...v, ...next }));
    setSaved(false);
  };
  const clearInvalid = (f: StageField) =>
    setInvalid((s) => {
      if (!s.has(f)) return s;
      const n = new Set(s);
      n.delete(f);
      return n;
    });

  const showInvalid = (fields: Iterable<StageField>) => {
    const set = new Set(fields);
    setInvalid(set);
    const first = FIELD_ORDER.find((f) => set.has(f));
    if (first) formRef.current?.ownerDocument.getElementById(fid(first))?.focus();
  };

  const problem = (f: StageField) =>
    invalid.has(f) ? (
      <p id={fid(`${f}-error`)} className="error-text">
        {t(`detail.stage.invalid.${f}`)}
      </p>
    ) : null;
  const describedBy = (f: StageField) => `${fid(`${f}-hint`)}${invalid.has(f) ? ` ${fid(`${f}-error`)}` : ''}`;

  return (
    <form
      ref={formRef}
      className="stack stage-settings"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        setSaved(false);
        const parsed = StageSettingsPatch.safeParse(patchOf(values, withMeeting));
        if (!parsed.success) {
          showInvalid(parsed.error.issues.map((i) => stageFieldOf(i.path.join('.'))).filter((f): f is StageField => f !== null));
          return;
        }
        setInvalid(new Set());
        setBusy(true);
        const err = await onSave({ stage: parsed.data });
        setBusy(false);
        setError(err);
        setSaved(err === null);
        const named = (err?.fields ?? []).map(stageFieldOf).filter((f): f is StageField => f !== null);
        if (named.length) showInvalid(named);
      }}
    >
      <fieldset>
        <legend>{t('detail.stage.theme')}</legend>
        <p className="hint">{t('detail.stage.themeLead')}</p>
        <div className="colour-fields">
          {COLOURS.map((c) => {
            const hex = values.colours[c];
            return (
              <div className="field" key={c}>
                <label htmlFor={fid(c)}>{t(`detail.stage.colour.${c}`)}</label>
                <div className="colour-row">
                  <input
                    type="color"
                    aria-label={t('detail.stage.pick', { label: t(`detail.stage.colour.${c}`) })}
                    value={HEX.test(hex) ? hex.toLowerCase() : '#000000'}
                    onChange={(e) => {
                      change({ colours: { ...values.colours, [c]: e.target.value } });
                      clearInvalid(c);
                    }}
                  />
                  <input
                    id={fid(c)}
                    type="text"
                    className="mono"
                    size={9}
                    maxLength={7}
                    spellCheck={false}
                    placeholder="#1a2b3c"
                    value={hex}
                    aria-describedby={describedBy(c)}
                    aria-invalid={invalid.has(c) || undefined}
                    onChange={(e) => {
                      change({ colours: { ...values.colours, [c]: e.target.value } });
                      clearInvalid(c);
                    }}
                  />
                  {hex !== '' && (
                    <Button size="sm" variant="ghost" onClick={() => change({ colours: { ...values.colours, [c]: '' } })}>
                      {t('detail.stage.resetColour', { label: t(`detail.stage.colour.${c}`) })}
                    </Button>
                  )}
                </div>
                <p id={fid(`${c}-hint`)} className="hint">
                  {t('detail.stage.colourHint')}
                </p>
                {problem(c)}
              </div>
            );
          })}
        </div>
        <div className="field">
          <label htmlFor={fid('logoUrl')}>{t('detail.stage.logoUrl')}</label>
          <input
            id={fid('logoUrl')}
            type="text"
            inputMode="url"
            value={values.logoUrl}
            aria-describedby={describedBy('logoUrl')}
            aria-invalid={invalid.has('logoUrl') || undefined}
            onChange={(e) => {
              change({ logoUrl: e.target.value });
              clearInvalid('logoUrl');
            }}
          />
          <p id={fid('logoUrl-hint')} className="hint">
            {t('detail.stage.logoHint')}
          </p>
          {problem('logoUrl')}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('detail.stage.follow')}</legend>
        <p className="hint">{t('detail.stage.followLead')}</p>
        <label className="check">
          <input type="checkbox" checked={values.followRoom} onChange={(e) => change({ followRoom: e.target.checked })} />
          {t('detail.stage.followRoom')}
        </label>
        <label className="check">
          <input type="checkbox" checked={values.followOverlay} onChange={(e) => change({ followOverlay: e.target.checked })} />
          {t('detail.stage.followOverlay')}
        </label>
      </fieldset>

      <div className="field">
        <label htmlFor={fid('autoHide')}>{t('detail.stage.autoHide')}</label>
        <input
          id={fid('autoHide')}
          type="text"
          inputMode="numeric"
          size={6}
          value={values.autoHide}
          aria-describedby={describedBy('autoHide')}
          aria-invalid={invalid.has('autoHide') || undefined}
          onChange={(e) => {
            change({ autoHide: e.target.value });
            clearInvalid('autoHide');
          }}
        />
        <p id={fid('autoHide-hint')} className="hint">
          {t('detail.stage.autoHideHint')}
        </p>
        {problem('autoHide')}
      </div>

      <label className="check">
        <input type="checkbox" checked={values.speakerMayAnswer} onChange={(e) => change({ speakerMayAnswer: e.target.checked })} />
        {t('detail.stage.speakerMayAnswer')}
      </label>

      {withMeeting && (
        <div className="field">
          <label htmlFor={fid('meetingUrl')}>{t('detail.stage.meetingUrl')}</label>
          <input
            id={fid('meetingUrl')}
            type="text"
            inputMode="url"
            value={values.meetingUrl}
            aria-describedby={describedBy('meetingUrl')}
            aria-invalid={invalid.has('meetingUrl') || undefined}
            onChange={(e) => {
              change({ meetingUrl: e.target.value });
              clearInvalid('meetingUrl');
            }}
          />
          <p id={fid('meetingUrl-hint')} className="hint">
            {t('detail.stage.meetingHint')}
            {provider && ` ${t('detail.stage.meetingDetected', { provider: MEETING_PROVIDER_NAME[provider] })}`}
          </p>
          {problem('meetingUrl')}
        </div>
      )}

      <ErrorText error={error} context="stageSettings" />
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          {t('common.save')}
        </Button>
      </div>
      <p className="success-text" role="status">
        {saved ? t('settings.saved') : ''}
      </p>
    </form>
  );
}
