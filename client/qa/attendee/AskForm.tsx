/** The ask box: text with a character counter, optional anonymity, busy until the server acknowledged. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { Counter } from '../../ui/Counter.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { loadSimilarity } from '../useSimilarIndex.js';
import { SimilarQuestions } from './SimilarQuestions.js';

export function AskForm() {
  const { t } = useTranslation();
  const settings = useEventState((s) => s.synced.event?.settings.qa);
  const myName = useEventState((s) => s.synced.people.myName);
  const ask = useCommand('qa:ask');
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [sent, setSent] = useState<'live' | 'pending' | null>(null);
  const fieldId = useId();
  const counterId = useId();
  const hintId = useId();

  if (!settings) return null;
  if (!settings.open) return <p className="notice">{t('qa.ask.closed')}</p>;

  const max = settings.maxQuestionLength;
  const length = text.trim().length;
  const asAnonymous = anonymous && settings.anonymousAllowed;

  return (
    <form
      className="ask-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (length === 0 || length > max) return;
        setSent(null);
        const ack = await ask.run({ text: text.trim(), anonymous: asAnonymous });
        if (ack.ok) {
          setText('');
          setSent(ack.question.state === 'pending' ? 'pending' : 'live');
        }
      }}
    >
      <label htmlFor={fieldId} className="field-label">
        {t('qa.ask.label')}
      </label>
      <textarea
        id={fieldId}
        className="ask-text"
        rows={3}
        value={text}
        placeholder={t('qa.ask.placeholder')}
        aria-describedby={`${counterId} ${hintId}`}
        aria-invalid={length > max || undefined}
        // The duplicate matcher loads while the attendee starts to write (SimilarQuestions).
        onFocus={() => void loadSimilarity().catch(() => undefined)}
        onChange={(e) => {
          setText(e.target.value);
          if (sent) setSent(null);
        }}
      />
      <SimilarQuestions draft={text} />
      <div className="ask-row">
        <Counter id={counterId} length={length} max={max} />
        <p id={hintId} className="hint">
          {asAnonymous || !myName ? t('qa.ask.asAnonymous') : t('qa.ask.asName', { name: myName })}
        </p>
      </div>
      <div className="ask-row">
        {settings.anonymousAllowed ? (
          <label className="check">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            {t('qa.ask.anonymous')}
          </label>
        ) : (
          <span />
        )}
        <Button type="submit" variant="primary" busy={ask.busy} disabled={length === 0 || length > max}>
          {t('qa.ask.submit')}
        </Button>
      </div>
      <ErrorText error={ask.error} context="ask" />
      <p className="success-text" role="status">
        {sent === 'pending' ? t('qa.ask.sentPending') : sent === 'live' ? t('qa.ask.sentLive') : ''}
      </p>
    </form>
  );
}
