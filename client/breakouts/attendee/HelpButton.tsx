/** "Ask for help": reaches every facilitator; busy until the server confirmed, then says help is coming. */
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';

export function HelpButton({ roundId, sent, onSent }: { roundId: string; sent: boolean; onSent(): void }) {
  const { t } = useTranslation();
  const help = useCommand('breakouts:help');
  return (
    <div className="help-box">
      {!sent && (
        <Button
          variant="secondary"
          busy={help.busy}
          onClick={async () => {
            const ack = await help.run({ roundId });
            if (ack.ok) onSent();
          }}
        >
          {t('breakouts.help.ask')}
        </Button>
      )}
      <p role="status" className="success-text">
        {sent ? t('breakouts.help.coming') : ''}
      </p>
      <ErrorText error={help.error} context="help" />
    </div>
  );
}
