/**
 * The stage follows the other features: from the changes of any commit (what staff receive: every item
 * with its full state) it reads what concerns the screens — a highlight set or cleared, a poll presented,
 * a round's results shown or hidden, an item that disappeared — and applies it to the stage state.
 */
import type { Change } from '../../../shared/socket.js';
import type { StageSettings } from '../../../shared/stage/schemas.js';
import { clear, dropItems, show } from './commands.js';
import { isShowableQuestion } from './items.js';
import { SCREENS, type FollowMemory, type OnAirItem, type Screen, type StageState } from './types.js';

export type FollowEvent =
  | { type: 'highlight'; id: string | null }
  | { type: 'presented'; id: string | null }
  | { type: 'results'; roundId: string; shown: boolean }
  | { type: 'gone'; kind: 'question' | 'poll' | 'round'; id: string };

/** The events in a commit's staff changes, in order ([] for the vast majority: votes, tallies, presence). */
export function followEvents(changes: readonly Change[]): FollowEvent[] {
  const out: FollowEvent[] = [];
  for (const c of changes) {
    switch (c.type) {
      case 'qa:highlight':
        out.push({ type: 'highlight', id: c.id });
        break;
      case 'polls:presented':
        out.push({ type: 'presented', id: c.id });
        break;
      case 'breakouts:round':
        out.push({ type: 'results', roundId: c.round.id, shown: c.round.showResults });
        if (c.round.status === 'draft') out.push({ type: 'gone', kind: 'round', id: c.round.id });
        break;
      case 'question:upsert':
        if (!isShowableQuestion(c.question.state)) out.push({ type: 'gone', kind: 'question', id: c.question.id });
        break;
      case 'question:remove':
        out.push({ type: 'gone', kind: 'question', id: c.id });
        break;
      case 'polls:upsert':
        // A reset poll is a draft again: the stage and attendees no longer see it.
        if (c.poll.status === 'draft') out.push({ type: 'gone', kind: 'poll', id: c.poll.id });
        break;
      case 'polls:remove':
        out.push({ type: 'gone', kind: 'poll', id: c.id });
        break;
      case 'breakouts:roundRemove':
        out.push({ type: 'gone', kind: 'round', id: c.id });
        break;
      default:
        break;
    }
  }
  return out;
}

function refersTo(item: OnAirItem, kind: 'question' | 'poll' | 'round', id: string): boolean {
  if (kind === 'question') return item.kind === 'question' && item.questionId === id;
  if (kind === 'poll') return (item.kind === 'poll' || item.kind === 'leaderboard') && item.pollId === id;
  return item.kind === 'round' && item.roundId === id;
}

export interface FollowInput {
  state: StageState;
  memory: FollowMemory;
  events: readonly FollowEvent[];
  settings: Pick<StageSettings, 'follow' | 'overlayAutoHideS'>;
  now: Date;
}

export function applyFollow({ state, memory, events, settings, now }: FollowInput): { state: StageState; memory: FollowMemory } {
  const screens: Screen[] = SCREENS.filter((s) => settings.follow[s]);
  let st = state;
  let mem = memory;
  const put = (item: OnAirItem) => {
    for (const screen of screens) {
      st = show(st, { target: screen, item, autoHideS: undefined, defaultAutoHideS: settings.overlayAutoHideS, by: 'follow', now });
    }
  };
  /** A pointer was taken back: the following screens that still show what it pointed at go dark. */
  const takeBack = (kind: 'question' | 'poll' | 'round', id: string, only?: OnAirItem['kind']) => {
    for (const screen of screens) {
      const item = st[screen].item;
      if (item && refersTo(item, kind, id) && (!only || item.kind === only)) st = clear(st, screen);
    }
  };

  for (const e of events) {
    switch (e.type) {
      case 'highlight':
        if (e.id) put({ kind: 'question', questionId: e.id });
        else if (mem.highlightedId) takeBack('question', mem.highlightedId);
        mem = { ...mem, highlightedId: e.id };
        break;
      case 'presented':
        if (e.id) put({ kind: 'poll', pollId: e.id });
        else if (mem.presentedId) takeBack('poll', mem.presentedId, 'poll');
        mem = { ...mem, presentedId: e.id };
        break;
      case 'results': {
        const was = mem.shownRounds.includes(e.roundId);
        if (e.shown && !was) {
          put({ kind: 'round', roundId: e.roundId });
          mem = { ...mem, shownRounds: [...mem.shownRounds, e.roundId] };
        } else if (!e.shown && was) {
          takeBack('round', e.roundId);
          mem = { ...mem, shownRounds: mem.shownRounds.filter((id) => id !== e.roundId) };
        }
        break;
      }
      case 'gone':
        st = dropItems(st, (item) => refersTo(item, e.kind, e.id));
        if (e.kind === 'round') mem = { ...mem, shownRounds: mem.shownRounds.filter((id) => id !== e.id) };
        break;
    }
  }
  return { state: st, memory: mem };
}
