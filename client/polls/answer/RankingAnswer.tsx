/**
 * Ranking: order 2–10 items, best first. Three ways, all equal: drag an item (mouse), the "up"/"down"
 * buttons (touch, mouse), or the arrow keys on an item's handle (keyboard: ↑/↓ move it, Home/End to the
 * ends). Every move is announced ("Preis: now place 1 of 3").
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefinitionOf, PollOption } from '../../../shared/polls/schemas.js';
import { AnswerShell, type AnswerFormProps } from './AnswerShell.js';

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item!);
  return out;
}

export function RankingAnswer({ definition, ...form }: AnswerFormProps & { definition: DefinitionOf<'ranking'> }) {
  const { t } = useTranslation();
  const initial = form.mine?.type === 'ranking' ? form.mine.order : null;
  const [order, setOrder] = useState<PollOption[]>(() =>
    initial ? initial.map((id) => definition.items.find((i) => i.id === id)).filter((x): x is PollOption => !!x) : [...definition.items],
  );
  const [message, setMessage] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const helpId = useId();
  const n = order.length;

  useEffect(() => {
    if (focusId) handles.current.get(focusId)?.focus();
  }, [order, focusId]);

  const move = (from: number, to: number, keepFocus = true) => {
    if (to < 0 || to >= n || from === to) return;
    const item = order[from]!;
    setOrder(moveItem(order, from, to));
    setMessage(t('polls.ranking.moved', { item: item.text, position: to + 1, total: n }));
    if (keepFocus) setFocusId(item.id);
  };

  const onKey = (e: KeyboardEvent, i: number) => {
    const to = e.key === 'ArrowUp' ? i - 1 : e.key === 'ArrowDown' ? i + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    if (to === null) return;
    e.preventDefault();
    move(i, to);
  };

  return (
    <AnswerShell
      {...form}
      question={definition.question}
      hint={t('polls.ranking.hint')}
      build={() => ({ type: 'ranking', order: order.map((o) => o.id) })}
    >
      {(locked) => (
        <>
          <p className="sr-only" id={helpId}>
            {t('polls.ranking.keys')}
          </p>
          <ol className="poll-ranking" aria-label={t('polls.ranking.listLabel')}>
            {order.map((item, i) => (
              <li
                key={item.id}
                className={`poll-ranking-item${dragging === i ? ' is-dragging' : ''}`}
                draggable={!locked}
                onDragStart={(e) => {
                  setDragging(i);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', item.id);
                }}
                onDragOver={(e) => {
                  if (dragging !== null) e.preventDefault();
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragging !== null) move(dragging, i, false);
                  setDragging(null);
                }}
                onDragEnd={() => setDragging(null)}
              >
                <span className="poll-ranking-pos" aria-hidden="true">
                  {i + 1}.
                </span>
                <button
                  type="button"
                  className="poll-ranking-handle"
                  ref={(el) => {
                    if (el) handles.current.set(item.id, el);
                    else handles.current.delete(item.id);
                  }}
                  aria-label={t('polls.ranking.handle', { item: item.text, position: i + 1, total: n })}
                  aria-describedby={helpId}
                  onKeyDown={(e) => onKey(e, i)}
                >
                  <span aria-hidden="true">⠿</span>
                </button>
                <span className="poll-ranking-text">{item.text}</span>
                <span className="poll-ranking-buttons">
                  <button type="button" className="btn btn-ghost btn-sm" disabled={i === 0} aria-label={t('polls.ranking.up', { item: item.text })} onClick={() => move(i, i - 1, false)}>
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button type="button" className="btn btn-ghost btn-sm" disabled={i === n - 1} aria-label={t('polls.ranking.down', { item: item.text })} onClick={() => move(i, i + 1, false)}>
                    <span aria-hidden="true">↓</span>
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <p className="sr-only" role="status" aria-live="polite">
            {message}
          </p>
        </>
      )}
    </AnswerShell>
  );
}
