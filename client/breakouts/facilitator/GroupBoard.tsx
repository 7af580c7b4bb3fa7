/**
 * A round's groups as columns of members. People move by drag and drop (onto a column: move; onto a
 * person: swap) and, for keyboard and screen-reader users, with a "move to" select and swap buttons on
 * every person; each change is announced. In a draft people can also be locked (reshuffle leaves them).
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupView, RoundView } from '../../../shared/breakouts/schemas.js';
import type { PersonView } from '../../../shared/people/index.js';
import { useAnnounce } from '../../ui/Announcer.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { useCommands } from '../../kernel/useCommand.js';
import { GroupEditor } from './GroupEditor.js';

const DRAG_TYPE = 'application/x-plenum-person';

export interface GroupBoardProps {
  round: RoundView;
  nameOf(id: string): string;
  people: Readonly<Record<string, PersonView>>;
  /** Closed rounds are read-only. */
  editable: boolean;
}

export function GroupBoard({ round, nameOf, people, editable }: GroupBoardProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { run, busyKey, error } = useCommands();
  const [swapFrom, setSwapFrom] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const focusAfter = useRef<{ id: string; group: number } | null>(null);
  const board = useRef<HTMLDivElement>(null);
  const locked = new Set(round.locked ?? []);
  const isDraft = round.status === 'draft';
  const groupIndexOf = (id: string) => round.groups.find((g) => g.members.some((m) => m.id === id))?.index ?? -1;
  const groupName = (i: number) => round.groups.find((g) => g.index === i)?.name ?? String(i + 1);

  // After a move the person's controls are rendered in another column: keep keyboard focus with them.
  useEffect(() => {
    const target = focusAfter.current;
    if (!target || groupIndexOf(target.id) !== target.group) return;
    focusAfter.current = null;
    board.current?.querySelector<HTMLElement>(`[data-move-for="${CSS.escape(target.id)}"]`)?.focus();
  });

  async function move(personId: string, toGroup: number) {
    if (groupIndexOf(personId) === toGroup) return;
    focusAfter.current = { id: personId, group: toGroup };
    const ack = await run(`move:${personId}`, 'breakouts:move', { roundId: round.id, personId, toGroup });
    if (ack.ok) announce(t('breakouts.board.moved', { name: nameOf(personId), group: groupName(toGroup) }));
    else focusAfter.current = null;
  }

  async function swap(a: string, b: string) {
    setSwapFrom(null);
    if (a === b) return;
    const ack = await run(`swap:${b}`, 'breakouts:swap', { roundId: round.id, a, b });
    if (ack.ok) announce(t('breakouts.board.swapped', { a: nameOf(a), b: nameOf(b) }));
  }

  async function toggleLock(personId: string) {
    const lock = !locked.has(personId);
    const ack = await run(`lock:${personId}`, 'breakouts:lock', { roundId: round.id, personId, locked: lock });
    if (ack.ok) announce(t(lock ? 'breakouts.board.lockedNow' : 'breakouts.board.unlockedNow', { name: nameOf(personId) }));
  }

  const dragged = (e: DragEvent) => e.dataTransfer.getData(DRAG_TYPE) || null;

  return (
    <div ref={board}>
      {swapFrom && (
        <p className="notice notice-quiet swap-hint">
          {t('breakouts.board.swapHint', { name: nameOf(swapFrom) })}{' '}
          <Button size="sm" onClick={() => setSwapFrom(null)}>
            {t('breakouts.board.swapCancel')}
          </Button>
        </p>
      )}
      <ErrorText error={error?.error} context="board" />
      <div className="group-columns">
        {round.groups.map((g) => (
          <section
            key={g.index}
            className={`group-column${dropTarget === g.index ? ' is-drop-target' : ''}`}
            aria-labelledby={`g-${round.id}-${g.index}`}
            onDragOver={(e) => {
              if (!editable || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              setDropTarget(g.index);
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropTarget(null);
            }}
            onDrop={(e) => {
              e.preventDefault();
              setDropTarget(null);
              const id = dragged(e);
              if (id) void move(id, g.index);
            }}
          >
            <GroupHead round={round} group={g} editable={editable} headingId={`g-${round.id}-${g.index}`} />
            {g.members.length === 0 ? (
              <p className="hint">{t('breakouts.board.emptyGroup')}</p>
            ) : (
              <ul className="member-list" aria-label={t('breakouts.board.membersOf', { name: g.name })}>
                {g.members.map((m) => (
                  <MemberRow
                    key={m.id}
                    id={m.id}
                    name={nameOf(m.id)}
                    person={people[m.id]}
                    group={g}
                    round={round}
                    editable={editable}
                    isDraft={isDraft}
                    locked={locked.has(m.id)}
                    swapFrom={swapFrom}
                    swapFromName={swapFrom ? nameOf(swapFrom) : ''}
                    busyKey={busyKey}
                    onMove={(to) => void move(m.id, to)}
                    onSwapClick={() => (swapFrom === null ? setSwapFrom(m.id) : void swap(swapFrom, m.id))}
                    onLock={() => void toggleLock(m.id)}
                    onDropPerson={(other) => void swap(other, m.id)}
                  />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

function GroupHead({ round, group, editable, headingId }: { round: RoundView; group: GroupView; editable: boolean; headingId: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <div className="group-head">
      <h4 id={headingId}>
        {group.name} <span className="count">({group.capacity !== null ? `${group.members.length}/${group.capacity}` : group.members.length})</span>
      </h4>
      {group.topic && <p className="group-topic">{group.topic}</p>}
      {group.videoUrl && (
        <p className="group-video">
          <a href={group.videoUrl} target="_blank" rel="noopener noreferrer">
            {t('breakouts.board.videoLink')}
            <span className="sr-only">
              {' '}
              {group.name} {t('common.newTab')}
            </span>
          </a>
        </p>
      )}
      {editable &&
        (editing ? (
          <GroupEditor round={round} group={group} onDone={() => setEditing(false)} />
        ) : (
          <Button size="sm" variant="ghost" aria-label={t('breakouts.board.editGroupOf', { name: group.name })} onClick={() => setEditing(true)}>
            {t('breakouts.board.editGroup')}
          </Button>
        ))}
    </div>
  );
}

interface MemberRowProps {
  id: string;
  name: string;
  person: PersonView | undefined;
  group: GroupView;
  round: RoundView;
  editable: boolean;
  isDraft: boolean;
  locked: boolean;
  swapFrom: string | null;
  swapFromName: string;
  busyKey: string | null;
  onMove(to: number): void;
  onSwapClick(): void;
  onLock(): void;
  onDropPerson(id: string): void;
}

function MemberRow(p: MemberRowProps) {
  const { t } = useTranslation();
  const attributes = Object.values(p.person?.attributes ?? {}).filter(Boolean);
  const offline = p.person !== undefined && !p.person.online;
  const isSwapSource = p.swapFrom === p.id;
  const busy = p.busyKey === `move:${p.id}` || p.busyKey === `swap:${p.id}` || p.busyKey === `lock:${p.id}`;
  return (
    <li
      className={`member${p.locked ? ' is-locked' : ''}${isSwapSource ? ' is-swap-source' : ''}${busy ? ' is-busy' : ''}`}
      draggable={p.editable}
      aria-busy={busy || undefined}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, p.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (p.editable && e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => {
        const other = e.dataTransfer.getData(DRAG_TYPE);
        if (!other || other === p.id) return;
        e.preventDefault();
        e.stopPropagation();
        p.onDropPerson(other);
      }}
    >
      <div className="member-main">
        {p.editable && <span className="drag-handle" aria-hidden="true">⠿</span>}
        <span className="member-name">{p.name}</span>
        {p.locked && <span className="badge">{t('breakouts.board.locked')}</span>}
        {offline && <span className="badge badge-offline">{t('breakouts.people.offline')}</span>}
        {attributes.length > 0 && <span className="member-attrs">{attributes.join(' · ')}</span>}
      </div>
      {p.editable && (
        <div className="member-actions">
          <select
            data-move-for={p.id}
            aria-label={t('breakouts.board.moveLabel', { name: p.name })}
            value=""
            onChange={(e) => {
              if (e.target.value !== '') p.onMove(Number(e.target.value));
            }}
          >
            <option value="">{t('breakouts.board.moveTo')}</option>
            {p.round.groups
              .filter((g) => g.index !== p.group.index)
              .map((g) => (
                <option key={g.index} value={g.index}>
                  {g.name}
                </option>
              ))}
          </select>
          <Button
            size="sm"
            aria-pressed={isSwapSource}
            aria-label={
              p.swapFrom === null || isSwapSource
                ? t('breakouts.board.swapLabel', { name: p.name })
                : t('breakouts.board.swapWith', { a: p.swapFromName, b: p.name })
            }
            onClick={p.onSwapClick}
          >
            {t('breakouts.board.swap')}
          </Button>
          {p.isDraft && (
            <Button size="sm" variant="ghost" aria-pressed={p.locked} aria-label={t('breakouts.board.lockLabel', { name: p.name })} onClick={p.onLock}>
              {t('breakouts.board.lock')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
