/**
 * The event page's YouTube settings (settings.youtube): the broadcast's URL or video id (the same URL the
 * stage embeds), which chat messages become questions, and the prefixes. The URL is checked with the
 * server's parser before saving; the caller saves (PATCH /api/events/:id).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatImportRule, ChatPrefix, parseYoutubeVideo, type YoutubeSettings } from '../../shared/chat/index.js';
import type { EventSettingsPatch } from '../../shared/events/schemas.js';
import type { ErrorLike } from '../i18n/errors.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';

export function prefixesFrom(text: string): string[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export function YoutubeSettingsForm({ settings, onSave }: { settings: YoutubeSettings; onSave(patch: EventSettingsPatch): Promise<ErrorLike | null> }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(settings.url ?? '');
  const [rule, setRule] = useState<ChatImportRule>(settings.chatImport);
  const [prefixes, setPrefixes] = useState(settings.prefixes.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorLike | null>(null);
  const [saved, setSaved] = useState(false);
  const ids = { url: useId(), urlHint: useId(), urlError: useId(), rule: useId(), ruleHint: useId(), prefixes: useId(), prefixesHint: useId() };

  const parsed = url.trim() ? parseYoutubeVideo(url) : null;
  const urlProblem = parsed && !parsed.ok ? parsed.reason : null;
  const prefixList = prefixesFrom(prefixes);
  const prefixesBad = prefixList.length > 10 || prefixList.some((p) => !ChatPrefix.safeParse(p).success);

  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        if (urlProblem || prefixesBad) return;
        setBusy(true);
        setSaved(false);
        const err = await onSave({ youtube: { url: url.trim() || null, chatImport: rule, prefixes: prefixList } });
        setBusy(false);
        setError(err);
        setSaved(err === null);
      }}
    >
      <div className="field">
        <label htmlFor={ids.url}>{t('chat.settings.url')}</label>
        <input
          id={ids.url}
          type="text"
          inputMode="url"
          value={url}
          placeholder={t('chat.settings.urlPlaceholder')}
          aria-describedby={`${ids.urlHint}${urlProblem ? ` ${ids.urlError}` : ''}`}
          aria-invalid={urlProblem ? true : undefined}
          onChange={(e) => {
            setUrl(e.target.value);
            setSaved(false);
          }}
        />
        <p id={ids.urlHint} className="hint">
          {t('chat.settings.urlHint')}
        </p>
        {urlProblem && (
          <p id={ids.urlError} className="error-text">
            {t(`chat.url.${urlProblem}`)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.rule}>{t('chat.settings.chatImport')}</label>
        <select id={ids.rule} value={rule} aria-describedby={ids.ruleHint} onChange={(e) => setRule(e.target.value as ChatImportRule)}>
          {ChatImportRule.options.map((r) => (
            <option key={r} value={r}>
              {t(`chat.settings.rule.${r}`)}
            </option>
          ))}
        </select>
        <p id={ids.ruleHint} className="hint">
          {t(`chat.settings.ruleHint.${rule}`)} {rule !== 'off' && t('chat.settings.privacy')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.prefixes}>{t('chat.settings.prefixes')}</label>
        <input
          id={ids.prefixes}
          type="text"
          value={prefixes}
          aria-describedby={ids.prefixesHint}
          aria-invalid={prefixesBad || undefined}
          onChange={(e) => setPrefixes(e.target.value)}
        />
        <p id={ids.prefixesHint} className="hint">
          {t('chat.settings.prefixesHint')}
        </p>
      </div>
      <ErrorText error={error} context="settings" />
      <div>
        <Button type="submit" variant="primary" busy={busy} disabled={Boolean(urlProblem) || prefixesBad}>
          {t('common.save')}
        </Button>
      </div>
      <p className="success-text" role="status">
        {saved ? t('settings.saved') : ''}
      </p>
    </form>
  );
}
