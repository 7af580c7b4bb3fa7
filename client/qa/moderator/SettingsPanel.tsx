/** The event's Q&A settings: open, pre-moderation, anonymity, maximum length, blocked words, the vote alert. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaSettings } from '../../../shared/qa/schemas.js';
import { useEventState } from '../../kernel/react.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';

interface Draft {
  open: boolean;
  premoderation: boolean;
  anonymousAllowed: boolean;
  maxQuestionLength: string;
  blockedWords: string;
  voteAlert: boolean;
  voteAlertVotes: string;
  voteAlertWindowSeconds: string;
  voteAlertNewMinutes: string;
}

function draftOf(s: QaSettings): Draft {
  return {
    ...s,
    maxQuestionLength: String(s.maxQuestionLength),
    blockedWords: s.blockedWords.join('\n'),
    voteAlertVotes: String(s.voteAlertVotes),
    voteAlertWindowSeconds: String(s.voteAlertWindowSeconds),
    voteAlertNewMinutes: String(s.voteAlertNewMinutes),
  };
}

/** The number in a field if it is an integer within the bounds, else null. */
function within(text: string, min: number, max: number): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

export function parseBlockedWords(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((w) => w.trim()).filter(Boolean))];
}

export function SettingsPanel() {
  const { t } = useTranslation();
  const settings = useEventState((s) => s.synced.event?.settings.qa);
  const save = useCommand('event:settings');
  const [draft, setDraft] = useState<Draft | null>(settings ? draftOf(settings) : null);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const ids = { max: useId(), words: useId(), wordsHint: useId(), maxHint: useId(), votes: useId(), window: useId(), fresh: useId(), alertHint: useId() };

  // Follow changes made elsewhere (another moderator) unless this form has unsaved edits.
  useEffect(() => {
    if (settings && !dirty) setDraft(draftOf(settings));
  }, [settings, dirty]);

  if (!draft) return null;
  const update = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setDirty(true);
    setSaved(false);
  };
  const max = Number(draft.maxQuestionLength);
  const maxValid = Number.isInteger(max) && max >= 20 && max <= 2000;
  const alertVotes = within(draft.voteAlertVotes, 3, 10_000);
  const alertWindow = within(draft.voteAlertWindowSeconds, 5, 3600);
  const alertFresh = within(draft.voteAlertNewMinutes, 1, 1440);
  const alertValid = alertVotes !== null && alertWindow !== null && alertFresh !== null;

  return (
    <form
      className="settings"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!maxValid || !alertValid) return;
        const ack = await save.run({
          qa: {
            open: draft.open,
            premoderation: draft.premoderation,
            anonymousAllowed: draft.anonymousAllowed,
            maxQuestionLength: max,
            blockedWords: parseBlockedWords(draft.blockedWords),
            voteAlert: draft.voteAlert,
            voteAlertVotes: alertVotes,
            voteAlertWindowSeconds: alertWindow,
            voteAlertNewMinutes: alertFresh,
          },
        });
        if (ack.ok) {
          setDirty(false);
          setSaved(true);
        }
      }}
    >
      <label className="check">
        <input type="checkbox" checked={draft.open} onChange={(e) => update({ open: e.target.checked })} />
        {t('settings.open')}
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.premoderation} onChange={(e) => update({ premoderation: e.target.checked })} />
        {t('settings.premoderation')}
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.anonymousAllowed} onChange={(e) => update({ anonymousAllowed: e.target.checked })} />
        {t('settings.anonymousAllowed')}
      </label>
      <label htmlFor={ids.max}>{t('settings.maxLength')}</label>
      <input
        id={ids.max}
        type="number"
        min={20}
        max={2000}
        value={draft.maxQuestionLength}
        aria-invalid={!maxValid || undefined}
        aria-describedby={ids.maxHint}
        onChange={(e) => update({ maxQuestionLength: e.target.value })}
      />
      <p id={ids.maxHint} className="hint">
        {t('settings.maxLengthHint')}
      </p>
      <label htmlFor={ids.words}>{t('settings.blockedWords')}</label>
      <textarea
        id={ids.words}
        rows={5}
        value={draft.blockedWords}
        aria-describedby={ids.wordsHint}
        onChange={(e) => update({ blockedWords: e.target.value })}
      />
      <p id={ids.wordsHint} className="hint">
        {t('settings.blockedWordsHint')}
      </p>
      <fieldset className="vote-alert-settings">
        <legend>{t('mod.voteAlert.settings.legend')}</legend>
        <label className="check">
          <input type="checkbox" checked={draft.voteAlert} aria-describedby={ids.alertHint} onChange={(e) => update({ voteAlert: e.target.checked })} />
          {t('mod.voteAlert.settings.on')}
        </label>
        <p id={ids.alertHint} className="hint">
          {t('mod.voteAlert.settings.hint')}
        </p>
        <label htmlFor={ids.votes}>{t('mod.voteAlert.settings.votes')}</label>
        <input
          id={ids.votes}
          type="number"
          min={3}
          max={10000}
          value={draft.voteAlertVotes}
          aria-invalid={alertVotes === null || undefined}
          onChange={(e) => update({ voteAlertVotes: e.target.value })}
        />
        <label htmlFor={ids.window}>{t('mod.voteAlert.settings.window')}</label>
        <input
          id={ids.window}
          type="number"
          min={5}
          max={3600}
          value={draft.voteAlertWindowSeconds}
          aria-invalid={alertWindow === null || undefined}
          onChange={(e) => update({ voteAlertWindowSeconds: e.target.value })}
        />
        <label htmlFor={ids.fresh}>{t('mod.voteAlert.settings.fresh')}</label>
        <input
          id={ids.fresh}
          type="number"
          min={1}
          max={1440}
          value={draft.voteAlertNewMinutes}
          aria-invalid={alertFresh === null || undefined}
          onChange={(e) => update({ voteAlertNewMinutes: e.target.value })}
        />
      </fieldset>
      <Button type="submit" variant="primary" size="sm" busy={save.busy} disabled={!maxValid || !alertValid}>
        {t('settings.save')}
      </Button>
      <ErrorText error={save.error} />
      <p role="status" className="success-text">
        {saved ? t('settings.saved') : ''}
      </p>
    </form>
  );
}
