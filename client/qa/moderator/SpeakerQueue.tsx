/** The ordered queue for the speaker, reorderable with buttons (keyboard friendly, no drag and drop). */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { useCommands } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { moveInQueue } from '../selectors.js';
import { excerpt } from './ModQuestionCard.js';

export function SpeakerQueue() {
  const { t } = useTranslation();
  const queue = useEventState((s) => s.synced.qa.queue);
  const questions = useEventState((s) => s.synced.qa.questions);
  const highlightedId = useEventState((s) => s.synced.qa.highlightedId);
  const { run, busyKey, error } = useCommands();
  const list = useRef<HTMLOListElement>(null);
  // After a move the item re-renders elsewhere; keep keyboard focus on the button that moved it.
  const refocus = useRef<{ id: string; action: 'up' | 'down' } | null>(null);

  useEffect(() => {
    const want = refocus.current;
    if (!want || !list.current) return;
    const item = [...list.current.querySelectorAll<HTMLElement>('[data-queue-id]')].find((el) => el.dataset.queueId === want.id);
    const target =
      item?.querySelector<HTMLButtonElement>(`[data-move="${want.action}"]:not([disabled])`) ??
      item?.querySelector<HTMLButtonElement>('[data-move]:not([disabled])');
    target?.focus();
    refocus.current = null;
  }, [queue]);

  const items = queue.map((id) => questions[id]).filter((q) => q !== undefined);
  if (items.length === 0) return <p className="empty">{t('mod.queue.empty')}</p>;

  const move = async (id: string, direction: -1 | 1) => {
    const ack = await run(`move:${id}`, 'qa:queue', { ids: moveInQueue(queue, id, direction) });
    if (ack.ok) refocus.current = { id, action: direction < 0 ? 'up' : 'down' };
  };

  return (
    <>
      <ol className="queue" ref={list}>
        {items.map((q, index) => (
          <li key={q.id} className={`queue-item${q.id === highlightedId ? ' is-on-stage' : ''}`} data-queue-id={q.id}>
            <span className="queue-pos" aria-hidden="true">
              {index + 1}
            </span>
            <span className="queue-text">{excerpt(q.text, 90)}</span>
            <span className="queue-actions">
              <Button size="sm" variant="ghost" data-move="up" disabled={index === 0} busy={busyKey === `move:${q.id}`} aria-label={t('mod.queue.up')} onClick={() => void move(q.id, -1)}>
                <span aria-hidden="true">↑</span>
              </Button>
              <Button
                size="sm"
                variant="ghost"
                data-move="down"
                disabled={index === items.length - 1}
                aria-label={t('mod.queue.down')}
                onClick={() => void move(q.id, 1)}
              >
                <span aria-hidden="true">↓</span>
              </Button>
              {q.id !== highlightedId && q.state === 'live' && (
                <Button size="sm" busy={busyKey === `stage:${q.id}`} onClick={() => void run(`stage:${q.id}`, 'qa:highlight', { id: q.id })}>
                  {t('mod.action.highlight')}
                </Button>
              )}
              <Button
                size="sm"
                variant="ghost"
                busy={busyKey === `remove:${q.id}`}
                onClick={() => void run(`remove:${q.id}`, 'qa:queue', { ids: queue.filter((id) => id !== q.id) })}
              >
                {t('mod.queue.remove')}
              </Button>
            </span>
          </li>
        ))}
      </ol>
      <ErrorText error={error?.error} />
    </>
  );
}
