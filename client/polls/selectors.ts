/** Pure views of the polls slice for the pages (list order, what an attendee sees, entries of a poll). */
import type { OpenEntry, PollView, PublicPoll, QuizQuestion, StaffPoll } from '../../shared/polls/index.js';
import type { PollsData } from './slice.js';

export function pollList(data: PollsData): PollView[] {
  return data.order.flatMap((id) => (data.polls[id] ? [data.polls[id]] : []));
}

/**
 * The attendee page: the open polls (answer form) first, with the presented poll at the top; closed polls
 * go to "earlier polls" (their results, as far as the visibility rule sends them). Drafts never reach
 * attendees; the filter only guards against a staff view in tests.
 */
export function attendeePolls(data: PollsData): { current: PublicPoll[]; earlier: PublicPoll[] } {
  const list = pollList(data).filter((p) => p.status !== 'draft') as PublicPoll[];
  const presented = data.presentedId;
  const current = list.filter((p) => p.status === 'open' || p.id === presented);
  current.sort((a, b) => Number(b.id === presented) - Number(a.id === presented));
  const earlier = list.filter((p) => !current.includes(p)).reverse();
  return { current, earlier };
}

export function entriesOf(data: PollsData, pollId: string): OpenEntry[] {
  return Object.values(data.entries)
    .filter((e) => e.pollId === pollId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Open-text entries that may be on a wall: approved ones only (staff also receive pending and rejected). */
export function wallEntries(data: PollsData, pollId: string): OpenEntry[] {
  return entriesOf(data, pollId).filter((e) => e.state === 'approved');
}

/** Staff: the quiz question that runs or was last reviewed (staff views carry the whole definition). */
export function staffQuizQuestion(poll: StaffPoll): QuizQuestion | null {
  if (poll.definition.type !== 'quiz' || !poll.quiz || poll.quiz.index < 0) return null;
  return poll.definition.questions[poll.quiz.index] ?? null;
}

/** The poll the stage shows: the one the moderator presents (polls:present), in the view the server sends the stage. */
export function stagePoll(data: PollsData): PollView | null {
  return data.presentedId ? (data.polls[data.presentedId] ?? null) : null;
}
