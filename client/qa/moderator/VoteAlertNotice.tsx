/**
 * Ballot stuffing (docs/security.md): the explanation of a question's vote alert and its two actions,
 * "dismiss" (the alert goes; the same burst does not raise it again) and "discount these votes" (the
 * flagged votes are removed from the count, after asking once more). Moderators only.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteAlert } from '../../../shared/qa/schemas.js';
import { useEventState } from '../../kernel/react.js';
import { useCommands } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { ErrorText } from '../../ui/ErrorText.js';

export interface VoteAlertNoticeProps {
  id: string;
  alert: VoteAlert;
  /** After a discount the notice goes away with the delta; the card says what was removed. */
  onDiscounted(removed: number): void;
}

export function VoteAlertNotice({ id, alert, onDiscounted }: VoteAlertNoticeProps) {
  const { t, i18n } = useTranslation();
  const minutes = useEventState((s) => s.synced.event?.settings.qa.voteAlertNewMinutes ?? 5);
  const { run, busyKey, error } = useCommands();
  const titleId = useId();
  const time = new Date(alert.since).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="vote-alert" role="group" aria-labelledby={titleId}>
      <p className="vote-alert-title" id={titleId}>
        <span aria-hidden="true">⚠ </span>
        {t('mod.voteAlert.title')}
      </p>
      <p className="vote-alert-text">
        {t('mod.voteAlert.explain', { count: alert.newVoters, minutes })}{' '}
        {alert.sharedAddress > 0 && t('mod.voteAlert.shared', { count: alert.sharedAddress })}{' '}
        {t('mod.voteAlert.since', { time })}
      </p>
      <div className="actions">
        <Button size="sm" busy={busyKey === 'dismiss'} onClick={() => void run('dismiss', 'qa:dismissVoteAlert', { id })}>
          {t('mod.voteAlert.dismiss')}
        </Button>
        <ConfirmButton
          variant="ghost"
          label={t('mod.voteAlert.discount')}
          question={t('mod.voteAlert.discountQuestion', { count: alert.newVoters })}
          confirmLabel={t('mod.voteAlert.discountConfirm')}
          busy={busyKey === 'discount'}
          onConfirm={async () => {
            const ack = await run('discount', 'qa:discountVotes', { id });
            if (ack.ok) onDiscounted(ack.removed);
          }}
        />
      </div>
      <ErrorText error={error?.error} context={error?.key} />
    </div>
  );
}
