/** The event's Q&A settings: open, pre-moderation, anonymity, maximum length, blocked words. */
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
}

function draftOf(s: QaSettings): Draft {
  return { ...s, maxQuestionLength: String(s.maxQuestionLength), blockedWords: s.blockedWords.join('\n') };
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
  const ids = { max: useId(), words: useId(), wordsHint: useId(), maxHint: useId() };

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

  return (
    <form
      className="settings"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!maxValid) return;
        const ack = await save.run({
          qa: {
            open: draft.open,
            premoderation: draft.premoderation,
            anonymousAllowed: draft.anonymousAllowed,
            maxQuestionLength: max,
            blockedWords: parseBlockedWords(draft.blockedWords),
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
      <Button type="submit" variant="primary" size="sm" busy={save.busy} disabled={!maxValid}>
        {t('settings.save')}
      </Button>
      <ErrorText error={save.error} />
      <p role="status" className="success-text">
        {saved ? t('settings.saved') : ''}
      </p>
    </form>
  );
}
