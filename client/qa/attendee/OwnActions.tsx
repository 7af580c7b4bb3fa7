/** Edit an own question while nobody has dealt with it yet; delete it (erased on the server) in any state. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../shared/qa/schemas.js';
import { useEventState } from '../../kernel/react.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { Counter } from '../../ui/Counter.js';
import { ErrorText } from '../../ui/ErrorText.js';

export function OwnActions({ question, canEdit = true }: { question: Question; canEdit?: boolean }) {
  const { t } = useTranslation();
  const max = useEventState((s) => s.synced.event?.settings.qa.maxQuestionLength ?? 300);
  const edit = useCommand('qa:editOwn');
  const withdraw = useCommand('qa:withdraw');
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(question.text);
  const fieldId = useId();
  const counterId = useId();

  if (editing) {
    return (
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const ack = await edit.run({ id: question.id, text });
          if (ack.ok) setEditing(false);
        }}
      >
        <label htmlFor={fieldId}>{t('qa.own.editLabel')}</label>
        <textarea id={fieldId} value={text} rows={3} aria-describedby={counterId} onChange={(e) => setText(e.target.value)} />
        <Counter id={counterId} length={text.trim().length} max={max} />
        <div className="actions">
          <Button type="submit" variant="primary" size="sm" busy={edit.busy} disabled={!text.trim() || text.trim().length > max}>
            {t('common.save')}
          </Button>
          <Button size="sm" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        </div>
        <ErrorText error={edit.error} context="ask" />
      </form>
    );
  }
  return (
    <div className="actions">
      {canEdit && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setText(question.text);
            setEditing(true);
          }}
        >
          {t('qa.own.edit')}
        </Button>
      )}
      <ConfirmButton
        variant="ghost"
        label={t('qa.own.withdraw')}
        question={t('qa.own.withdrawQuestion')}
        confirmLabel={t('qa.own.withdrawConfirm')}
        busy={withdraw.busy}
        onConfirm={async () => {
          // The ok ack hides the question at once (qa slice, onAck), without waiting for the push.
          await withdraw.run({ id: question.id });
        }}
      />
      <ErrorText error={withdraw.error} />
    </div>
  );
}
