/** Acts on every selected question at once (qa:bulk); the server skips those whose state does not allow it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAction } from '../../../shared/qa/schemas.js';
import { useCommands } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';

export function BulkBar({ selected, onDone }: { selected: readonly string[]; onDone(): void }) {
  const { t } = useTranslation();
  const { run, busyKey, error } = useCommands();
  const [result, setResult] = useState<{ changed: number; skipped: number } | null>(null);

  const act = async (action: BulkAction) => {
    setResult(null);
    const ack = await run(action, 'qa:bulk', { ids: [...selected], action });
    if (ack.ok) {
      setResult({ changed: ack.changed.length, skipped: ack.skipped.length });
      onDone();
    }
  };

  return (
    <div className="bulk-bar">
      <div role="status" className="bulk-status">
        {selected.length > 0
          ? t('mod.bulk.selected', { count: selected.length })
          : result
            ? `${t('mod.bulk.changed', { count: result.changed })}${result.skipped ? ` ${t('mod.bulk.skipped', { count: result.skipped })}` : ''}`
            : ''}
      </div>
      {selected.length > 0 && (
        <div className="actions" role="group" aria-label={t('mod.bulk.label')}>
          <Button size="sm" variant="primary" busy={busyKey === 'approve'} onClick={() => void act('approve')}>
            {t('mod.bulk.approve')}
          </Button>
          <Button size="sm" busy={busyKey === 'reject'} onClick={() => void act('reject')}>
            {t('mod.bulk.reject')}
          </Button>
          <Button size="sm" busy={busyKey === 'answer'} onClick={() => void act('answer')}>
            {t('mod.bulk.answer')}
          </Button>
          <Button size="sm" variant="ghost" onClick={onDone}>
            {t('mod.bulk.clear')}
          </Button>
        </div>
      )}
      <ErrorText error={error?.error} />
    </div>
  );
}
