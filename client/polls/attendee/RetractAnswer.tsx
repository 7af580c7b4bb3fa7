/**
 * "Delete my answer" under a poll the attendee answered (polls:retract): asks once more in place, then the
 * server deletes the answer (a quiz: the nickname and every answer) and the form starts empty again.
 * The outcome is announced in a status line that stays when the button goes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { PollErrorText } from '../PollErrorText.js';
import type { PollErrorLike } from '../types.js';
import { usePollSend } from '../usePollCommand.js';
import { useSubmit } from '../useSubmit.js';

export function RetractAnswer({ pollId, quiz, answered }: { pollId: string; quiz: boolean; answered: boolean }) {
  const { t } = useTranslation();
  const send = usePollSend();
  const [done, setDone] = useState(false);
  const submit = useSubmit((id: string) => send('polls:retract', { pollId: id }));
  const error: PollErrorLike | null = submit.error;
  return (
    <div className="poll-retract">
      {answered && (
        <div className="actions">
          <ConfirmButton
            variant="ghost"
            label={t('polls.answer.retract')}
            question={t(quiz ? 'polls.answer.retractQuizQuestion' : 'polls.answer.retractQuestion')}
            confirmLabel={t('polls.answer.retractConfirm')}
            busy={submit.busy}
            onConfirm={async () => {
              const ack = await submit.run(pollId);
              setDone(ack.ok);
            }}
          />
        </div>
      )}
      <PollErrorText error={error} />
      <p className="success-text" role="status">
        {done && !answered ? t('polls.answer.retracted') : ''}
      </p>
    </div>
  );
}
