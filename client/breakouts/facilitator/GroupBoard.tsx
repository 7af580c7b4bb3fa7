/**
 * A round's groups as columns of members. People move by drag and drop — the whole column is the drop
 * target, also when the drop lands on a person (swapping is its own button) — with the mouse or, on
 * tablets, by touch (pointer events); keyboard and screen-reader users pick a group in a "move to" list and
 * confirm with Enter or the button (a closed list changes its value with a single arrow key: that must
 * not move anyone). Each change is announced. Broken rules of the report show on the group and the person.
 * In a draft people can also be locked (reshuffle leaves them).
 */
import { useEffect, useRef, useState, type DragEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupView, RoundView } from '../../../shared/breakouts/schemas.js';
import type { PersonView } from '../../../shared/people/index.js';
import { useAnnounce } from '../../ui/Announcer.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { useCommands } from '../../kernel/useCommand.js';
import { GroupEditor } from './GroupEditor.js';
import { LateBadge } from './LateBadge.js';
import { ruleMarks, type RuleMark } from './report.js';

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
  const marks = ruleMarks(round.report, round);
  const touch = useRef<{ id: string; pointerId: number } | null>(null);

  /** The group column under a screen point (touch drag has no drop event: the finger's end point decides). */
  function columnAt(x: number, y: number): number | null {
    const el = document.elementFromPoint?.(x, y)?.closest<HTMLElement>('[data-group-index]');
    return el ? Number(el.dataset.groupIndex) : null;
  }

  function touchStart(e: ReactPointerEvent, id: string) {
    if (!editable || e.pointerType === 'mouse') return;
    touch.current = { id, pointerId: e.pointerId };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  }
  function touchMove(e: ReactPointerEvent) {
    if (touch.current?.pointerId !== e.pointerId) return;
    e.preventDefault();
    setDropTarget(columnAt(e.clientX, e.clientY));
  }
  function touchEnd(e: ReactPointerEvent) {
    const t0 = touch.current;
    if (t0?.pointerId !== e.pointerId) return;
    touch.current = null;
    setDropTarget(null);
    const to = columnAt(e.clientX, e.clientY);
    if (to !== null) void move(t0.id, to);
  }

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
            className={`group-column${dropTarget === g.index ? ' is-drop-target' : ''}${marks.groups.has(g.index) ? ' has-broken-rule' : ''}`}
            aria-labelledby={`g-${round.id}-${g.index}`}
            data-group-index={g.index}
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
            <RuleBadges marks={marks.groups.get(g.index)} />
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
                    marks={marks.people.get(m.id)}
                    onTouchDrag={{ start: (e) => touchStart(e, m.id), move: touchMove, end: touchEnd }}
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
  marks: ReadonlySet<RuleMark> | undefined;
  onTouchDrag: { start(e: ReactPointerEvent): void; move(e: ReactPointerEvent): void; end(e: ReactPointerEvent): void };
}

/** The broken rules of a group or a person, in words (the column's colour alone would not reach everyone). */
function RuleBadges({ marks }: { marks: ReadonlySet<RuleMark> | undefined }) {
  const { t } = useTranslation();
  if (!marks?.size) return null;
  return (
    <span className="rule-badges">
      {[...marks].map((m) => (
        <span key={m} className="badge badge-warn">
          <span aria-hidden="true">⚠ </span>
          {t(`breakouts.board.rule.${m}`)}
        </span>
      ))}
    </span>
  );
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
    >
      <div className="member-main">
        {p.editable && (
          <span
            className="drag-handle"
            aria-hidden="true"
            data-testid={`drag-${p.id}`}
            onPointerDown={p.onTouchDrag.start}
            onPointerMove={p.onTouchDrag.move}
            onPointerUp={p.onTouchDrag.end}
            onPointerCancel={p.onTouchDrag.end}
          >
            ⠿
          </span>
        )}
        <span className="member-name">{p.name}</span>
        {p.locked && <span className="badge">{t('breakouts.board.locked')}</span>}
        {offline && (
          <span className="badge badge-offline">{p.person!.invited ? t('breakouts.board.notHereYet') : t('breakouts.people.offline')}</span>
        )}
        <LateBadge round={p.round} id={p.id} />
        {attributes.length > 0 && <span className="member-attrs">{attributes.join(' · ')}</span>}
        <RuleBadges marks={p.marks} />
      </div>
      {p.editable && (
        <div className="member-actions">
          <MoveTo id={p.id} name={p.name} round={p.round} from={p.group.index} onMove={p.onMove} />
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

/** "Move to…": choosing only selects; Enter or the button moves (arrow keys on a closed list change the value). */
function MoveTo({ id, name, round, from, onMove }: { id: string; name: string; round: RoundView; from: number; onMove(to: number): void }) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const commit = () => {
    if (to === '') return;
    setTo('');
    onMove(Number(to));
  };
  return (
    <span className="move-to">
      <select
        data-move-for={id}
        aria-label={t('breakouts.board.moveLabel', { name })}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      >
        <option value="">{t('breakouts.board.moveTo')}</option>
        {round.groups
          .filter((g) => g.index !== from)
          .map((g) => (
            <option key={g.index} value={g.index}>
              {g.name}
            </option>
          ))}
      </select>
      <Button size="sm" disabled={to === ''} aria-label={t('breakouts.board.moveConfirmLabel', { name })} onClick={commit}>
        {t('breakouts.board.moveConfirm')}
      </Button>
    </span>
  );
}
