/** What the stage shows right now, with a way to clear it. */
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';

export function OnStagePanel() {
  const { t } = useTranslation();
  const highlighted = useEventState((s) => (s.synced.qa.highlightedId ? s.synced.qa.questions[s.synced.qa.highlightedId] : undefined));
  const highlight = useCommand('qa:highlight');
  if (!highlighted) return <p className="empty">{t('mod.stage.nothing')}</p>;
  return (
    <div className="on-stage-panel">
      <p className="on-stage-text">{highlighted.text}</p>
      <p className="q-meta">
        {highlighted.authorName ?? t('qa.anonymous')} · {t('qa.votes', { count: highlighted.votes })}
      </p>
      <Button size="sm" busy={highlight.busy} onClick={() => void highlight.run({ id: null })}>
        {t('mod.action.unhighlight')}
      </Button>
      <ErrorText error={highlight.error} />
    </div>
  );
}
