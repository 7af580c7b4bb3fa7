/**
 * "On stage" / "to overlay" / "add to queue" for one item, placed by other features next to their items
 * (question cards, poll cards, rounds) through stage/index.ts `loadOnAirActions`. Facilitators see the
 * buttons for rounds and the join screen only (the server refuses them other kinds).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnAirItem } from '../../shared/stage/index.js';
import { useEventState } from '../kernel/react.js';
import { useCommand } from '../kernel/useCommand.js';
import { Button } from '../ui/Button.js';
import { ErrorText } from '../ui/ErrorText.js';
import { mayPutOnAir } from './roles.js';

export default function OnAirActions({ item, label }: { item: OnAirItem; label?: string }) {
  const { t } = useTranslation();
  const role = useEventState((s) => s.synced.me?.role);
  const show = useCommand('stage:show');
  const enqueue = useCommand('stage:enqueue');
  const [done, setDone] = useState('');
  if (!mayPutOnAir(role, item.kind)) return null;
  const run = async (what: 'room' | 'overlay' | 'queue') => {
    setDone('');
    const ack = what === 'queue' ? await enqueue.run({ item }) : await show.run({ screen: what, item });
    if (ack.ok) setDone(t('stage.actions.done'));
  };
  return (
    <div className="onair-actions" role="group" aria-label={t('stage.actions.group', { item: label ?? '' })}>
      <Button size="sm" busy={show.busy} onClick={() => void run('room')}>
        {t('stage.actions.toStage')}
      </Button>
      <Button size="sm" busy={show.busy} onClick={() => void run('overlay')}>
        {t('stage.actions.toOverlay')}
      </Button>
      <Button size="sm" busy={enqueue.busy} onClick={() => void run('queue')}>
        {t('stage.actions.toQueue')}
      </Button>
      <span className="sr-only" role="status">
        {done}
      </span>
      <ErrorText error={show.error ?? enqueue.error} />
    </div>
  );
}
