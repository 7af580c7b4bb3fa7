/** The queue of next items: reorder with the arrow buttons (keyboard), remove, and put the first on air. */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry, ScreenTarget } from '../../../shared/stage/index.js';
import { FeatureOnAir } from '../../kernel/panels.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { moveEntry } from '../slice.js';

/** The item's one-line name as plain text, for button labels (rendered once, read from the DOM). */
function Line({ entry }: { entry: QueueEntry }) {
  return <FeatureOnAir item={entry.item} variant="line" />;
}

export function QueueList({ queue }: { queue: readonly QueueEntry[] }) {
  const { t } = useTranslation();
  const reorder = useCommand('stage:reorder');
  const dequeue = useCommand('stage:dequeue');
  const next = useCommand('stage:next');
  const enqueue = useCommand('stage:enqueue');
  const [said, setSaid] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const ids = queue.map((e) => e.id);
  const text = (id: string) => list.current?.querySelector(`[data-entry="${CSS.escape(id)}"] .onair-queue-line`)?.textContent ?? '';

  const move = async (id: string, delta: -1 | 1) => {
    const order = moveEntry(ids, id, delta);
    if (order.join() === ids.join()) return;
    const name = text(id);
    const ack = await reorder.run({ ids: order });
    if (ack.ok) {
      setSaid(t('stage.onAir.moved', { item: name, n: order.indexOf(id) + 1 }));
      // keep the keyboard on the moved entry's same button
      requestAnimationFrame(() => {
        const button = list.current?.querySelector<HTMLButtonElement>(`[data-entry="${CSS.escape(id)}"] [data-move="${delta}"]`);
        (button && !button.disabled ? button : list.current?.querySelector<HTMLButtonElement>(`[data-entry="${CSS.escape(id)}"] button:not([disabled])`))?.focus();
      });
    }
  };

  const targets: ScreenTarget[] = ['room', 'overlay', 'both'];
  return (
    <section aria-labelledby="onair-queue-heading">
      <h3 id="onair-queue-heading">{t('stage.onAir.queue')}</h3>
      {queue.length === 0 ? (
        <p className="hint">{t('stage.onAir.queueEmpty')}</p>
      ) : (
        <ol className="onair-queue" ref={list}>
          {queue.map((entry, i) => (
            <QueueRow key={entry.id} entry={entry} index={i} total={queue.length} onMove={move} onRemove={(id) => void dequeue.run({ id })} busy={reorder.busy || dequeue.busy} />
          ))}
        </ol>
      )}
      <p className="sr-only" role="status">
        {said}
      </p>
      <div className="onair-row">
        {targets.map((screen) => (
          <Button key={screen} size="sm" variant={screen === 'room' ? 'primary' : 'secondary'} busy={next.busy} disabled={queue.length === 0} onClick={() => void next.run({ screen })}>
            {t('stage.onAir.next', { screen: t(`stage.onAir.${screen}`) })}
          </Button>
        ))}
        <Button size="sm" busy={enqueue.busy} onClick={() => void enqueue.run({ item: { kind: 'join' } })}>
          {t('stage.onAir.queueJoin')}
        </Button>
      </div>
      <ErrorText error={next.error ?? reorder.error ?? dequeue.error ?? enqueue.error} />
    </section>
  );
}

function QueueRow({ entry, index, total, onMove, onRemove, busy }: {
  entry: QueueEntry;
  index: number;
  total: number;
  onMove: (id: string, delta: -1 | 1) => void;
  onRemove: (id: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The buttons are named "<action> <item line>": the line is rendered by the feature that owns the item.
  const named = (action: string) => `${id}-${action} ${id}-line`;
  return (
    <li data-entry={entry.id}>
      <span className="onair-queue-line" id={`${id}-line`}>
        <Line entry={entry} />
      </span>
      <span className="sr-only" id={`${id}-up`}>{t('stage.onAir.up')}</span>
      <span className="sr-only" id={`${id}-down`}>{t('stage.onAir.down')}</span>
      <span className="sr-only" id={`${id}-remove`}>{t('stage.onAir.remove')}</span>
      <span className="hint">{t('stage.onAir.position', { n: index + 1, total })}</span>
      <Button size="sm" variant="ghost" data-move={-1} disabled={index === 0} busy={busy} aria-labelledby={named('up')} onClick={() => onMove(entry.id, -1)}>
        <span aria-hidden="true">↑</span>
      </Button>
      <Button size="sm" variant="ghost" data-move={1} disabled={index === total - 1} busy={busy} aria-labelledby={named('down')} onClick={() => onMove(entry.id, 1)}>
        <span aria-hidden="true">↓</span>
      </Button>
      <Button size="sm" variant="ghost" busy={busy} aria-labelledby={named('remove')} onClick={() => onRemove(entry.id)}>
        <span aria-hidden="true">✕</span>
      </Button>
    </li>
  );
}
