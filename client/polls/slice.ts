/**
 * The polls slice of the synced state, as pure functions: the polls this audience sees (staff: every poll
 * with full tallies; attendees and stage: non-drafts, results per visibility), their order, the poll on
 * stage, open-text entries, the attendee's own answers and quiz state (personal changes and acks,
 * idempotent, outside the seq), and for staff how many attendees are here now.
 *
 * Typed from shared/polls directly (PollChange, PollsSnapshot …), not from the folded shared/socket.ts
 * unions, so the slice stays correct whether or not the polls line in shared/features.ts is merged yet:
 * before it, the snapshot has no `polls` part (→ empty) and no polls change ever arrives.
 */
import type {
  MyAnswer, MyQuiz, OpenEntry, PollChange, PollCommandName, PollCommandPayload, PollCommandResult, PollPersonalChange,
  PollsSnapshot, PollView, StaffPoll, TallyUpdate,
} from '../../shared/polls/index.js';
import type { Change, PersonalChange } from '../../shared/socket.js';
import type { AckHandlers, FeatureSlice } from '../kernel/feature.js';

export interface PollsData {
  polls: Readonly<Record<string, PollView>>;
  /** Poll ids in the moderator's list order (public audiences: non-drafts only). */
  order: readonly string[];
  /** The poll on the stage and on attendees' screens. */
  presentedId: string | null;
  /** Open-text entries by id (staff: every state; others: approved ones they may see). */
  entries: Readonly<Record<string, OpenEntry>>;
  /** This attendee's answers by poll id. */
  mine: Readonly<Record<string, MyAnswer>>;
  /** This attendee's quiz state by poll id. */
  myQuizzes: Readonly<Record<string, MyQuiz>>;
  /** Staff only: attendees connected now (null for other audiences). */
  present: number | null;
}

export const emptyPolls: PollsData = { polls: {}, order: [], presentedId: null, entries: {}, mine: {}, myQuizzes: {}, present: null };

function byKey<T>(items: readonly T[], key: (item: T) => string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[key(item)] = item;
  return out;
}

export function isStaffPoll(poll: PollView): poll is StaffPoll {
  return 'createdAt' in poll;
}

export function pollsFromSnapshot(part: PollsSnapshot | undefined): PollsData {
  if (!part) return emptyPolls;
  return {
    polls: byKey(part.polls, (p) => p.id),
    order: part.polls.map((p) => p.id),
    presentedId: part.presentedId,
    entries: byKey(part.entries, (e) => e.id),
    mine: byKey(part.mine, (m) => m.pollId),
    myQuizzes: byKey(part.myQuizzes, (q) => q.pollId),
    present: part.present,
  };
}

/** A poll not listed yet goes before the first listed poll at its position or later (public lists skip drafts). */
function placeInOrder(data: PollsData, poll: PollView): readonly string[] {
  if (data.order.includes(poll.id)) return data.order;
  const at = data.order.findIndex((id) => (data.polls[id]?.position ?? Infinity) >= poll.position);
  return at < 0 ? [...data.order, poll.id] : [...data.order.slice(0, at), poll.id, ...data.order.slice(at)];
}

/** A new order; staff views take their new positions too (public lists skip drafts, so theirs stay as sent). */
export function reorder(data: PollsData, ids: readonly string[]): PollsData {
  const polls = { ...data.polls };
  ids.forEach((id, position) => {
    const poll = polls[id];
    if (poll && isStaffPoll(poll) && poll.position !== position) polls[id] = { ...poll, position };
  });
  return { ...data, order: ids, polls };
}

export function upsertPoll(data: PollsData, poll: PollView): PollsData {
  return { ...data, order: placeInOrder(data, poll), polls: { ...data.polls, [poll.id]: poll } };
}

export function removePoll(data: PollsData, id: string): PollsData {
  if (!(id in data.polls) && !data.order.includes(id)) return data;
  const polls = { ...data.polls };
  delete polls[id];
  const entries: Record<string, OpenEntry> = {};
  for (const [key, e] of Object.entries(data.entries)) if (e.pollId !== id) entries[key] = e;
  return {
    ...data,
    polls,
    order: data.order.filter((x) => x !== id),
    entries,
    presentedId: data.presentedId === id ? null : data.presentedId,
  };
}

function applyTallies(data: PollsData, updates: Readonly<Record<string, TallyUpdate>>): PollsData {
  const polls = { ...data.polls };
  let changed = false;
  for (const [id, u] of Object.entries(updates)) {
    const poll = polls[id];
    if (!poll) continue; // a tally of a poll this audience does not list (yet): the upsert carries it
    changed = true;
    // Staff always get full results; a null there would only mean "unchanged", never "hidden".
    polls[id] = isStaffPoll(poll) ? { ...poll, responses: u.responses, results: u.results ?? poll.results } : { ...poll, responses: u.responses, results: u.results };
  }
  return changed ? { ...data, polls } : data;
}

export function applyPollsChange(data: PollsData, change: Change): PollsData {
  // Widened so the switch compiles before and after polls joins the folded Change union.
  const c = change as Change | PollChange;
  switch (c.type) {
    case 'polls:upsert':
      return upsertPoll(data, c.poll);
    case 'polls:remove':
      return removePoll(data, c.id);
    case 'polls:order':
      return reorder(data, c.ids);
    case 'polls:presented':
      return data.presentedId === c.id ? data : { ...data, presentedId: c.id };
    case 'polls:tallies':
      return applyTallies(data, c.polls);
    case 'polls:entries':
      return { ...data, entries: { ...data.entries, ...byKey(c.entries, (e) => e.id) } };
    case 'polls:entriesRemove': {
      const entries = { ...data.entries };
      for (const id of c.ids) delete entries[id];
      return { ...data, entries };
    }
    case 'polls:present':
      return data.present === c.count ? data : { ...data, present: c.count };
    default:
      return data;
  }
}

export function applyPollsPersonal(data: PollsData, change: PersonalChange): PollsData {
  const c = change as PersonalChange | PollPersonalChange;
  switch (c.type) {
    case 'polls:myAnswer':
      return { ...data, mine: { ...data.mine, [c.mine.pollId]: c.mine } };
    case 'polls:myQuiz':
      return { ...data, myQuizzes: { ...data.myQuizzes, [c.quiz.pollId]: c.quiz } };
    default:
      return data;
  }
}

type PollAckHandlers = {
  [K in PollCommandName]?: (state: PollsData, result: PollCommandResult<K>, payload: PollCommandPayload<K>) => PollsData;
};

const takePoll = (data: PollsData, result: { poll: StaffPoll }) => upsertPoll(data, result.poll);

/** Acks that carry state: the author sees the effect at once; the matching delta/personal change is then a no-op. */
export const pollsAcks: PollAckHandlers = {
  'polls:create': takePoll,
  'polls:update': takePoll,
  'polls:duplicate': takePoll,
  'polls:open': takePoll,
  'polls:close': takePoll,
  'polls:reopen': takePoll,
  'polls:reset': takePoll,
  'polls:reveal': takePoll,
  'polls:quizNext': takePoll,
  'polls:quizEndQuestion': takePoll,
  'polls:reorder': (data, result) => reorder(data, result.ids),
  'polls:delete': (data, _result, payload) => removePoll(data, payload.id),
  'polls:present': (data, result) => ({ ...data, presentedId: result.id }),
  'polls:import': (data, result) => result.created.reduce(upsertPoll, data),
  'polls:answer': (data, result) => {
    const next = { ...data, mine: { ...data.mine, [result.mine.pollId]: result.mine } };
    return result.quiz ? { ...next, myQuizzes: { ...next.myQuizzes, [result.quiz.pollId]: result.quiz } } : next;
  },
  // The answer is gone: `mine.answer` null (a quiz: no nickname, no answers), so the form starts empty.
  'polls:retract': (data, result) => {
    const next = { ...data, mine: { ...data.mine, [result.mine.pollId]: result.mine } };
    return result.quiz ? { ...next, myQuizzes: { ...next.myQuizzes, [result.quiz.pollId]: result.quiz } } : next;
  },
  'polls:nickname': (data, result) => ({ ...data, myQuizzes: { ...data.myQuizzes, [result.quiz.pollId]: result.quiz } }),
};

export const pollsSlice: FeatureSlice<PollsData, 'polls'> = {
  name: 'polls',
  empty: emptyPolls,
  fromSnapshot: (part) => pollsFromSnapshot(part as PollsSnapshot | undefined),
  apply: applyPollsChange,
  personal: applyPollsPersonal,
  // The kernel's AckHandlers is keyed by the folded CommandName, which lists polls only once shared/features.ts does.
  onAck: pollsAcks as unknown as AckHandlers<PollsData>,
};
