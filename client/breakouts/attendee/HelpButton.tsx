/**
 * "Ask for help": reaches every facilitator; busy until the server confirmed. While the group's request is
 * open it says help is coming; once a facilitator resolved it (or the round closed it) it says so, live,
 * and the group may ask again.
 */
import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '../../../shared/breakouts/schemas.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';

export function HelpButton({ roundId, request }: { roundId: string; request: HelpRequest | null }) {
  const { t } = useTranslation();
  const help = useCommand('breakouts:help');
  const open = request !== null && request.resolvedAt === null;
  return (
    <div className="help-box">
      {!open && (
        <Button variant="secondary" busy={help.busy} onClick={() => void help.run({ roundId })}>
          {request ? t('breakouts.help.askAgain') : t('breakouts.help.ask')}
        </Button>
      )}
      <p role="status" className="success-text">
        {open ? t('breakouts.help.coming') : request ? t('breakouts.help.done') : ''}
      </p>
      <ErrorText error={help.error} context="help" />
    </div>
  );
}
