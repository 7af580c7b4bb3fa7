import { z } from 'zod';
import { DEFAULT_BLOCKED_WORDS } from './blocked-words-defaults.js';

export const QuestionId = z.string().min(1).max(64);

/**
 * pending: waiting for a moderator (pre-moderation or a blocked word); only moderators and the author see it.
 * live: approved, visible to everyone, votable.
 * answered: archived after the speakers took it; visible in the "answered" tab, no longer votable.
 * rejected: hidden from attendees; the author sees it as declined.
 * withdrawn: taken back by its author (or deleted in the YouTube chat it came from); hidden from everyone
 *   but kept for the export.
 * merged: a duplicate a moderator merged into another question (`mergedInto`); its votes moved there. Hidden
 *   from the public list; its author sees where it went.
 */
export const QuestionState = z.enum(['pending', 'live', 'answered', 'rejected', 'withdrawn', 'merged']);
export type QuestionState = z.infer<typeof QuestionState>;

export const Label = z.string().trim().min(1).max(30);

/** Where a question came from: Plenum's own form, the YouTube live chat, or the REST import (other chats, scripts). */
export const QuestionSource = z.enum(['plenum', 'youtube', 'api']);
export type QuestionSource = z.infer<typeof QuestionSource>;

/** A question as attendees, the stage and the author see it. */
export const Question = z.object({
  id: QuestionId,
  text: z.string(),
  /** null when asked anonymously or without a name. */
  authorName: z.string().nullable(),
  state: QuestionState,
  votes: z.number().int().nonnegative(),
  labels: z.array(Label),
  reply: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  answeredAt: z.string().nullable(),
  source: QuestionSource,
  /** For imports: the label the importer gave ("Zoom", "Stream Deck"); null for Plenum's own questions. */
  sourceLabel: z.string().nullable(),
  /** State merged: the question it was merged into. */
  mergedInto: QuestionId.nullable(),
});
export type Question = z.infer<typeof Question>;

/**
 * Ballot stuffing (staff only): a burst of votes from identities created shortly before their vote
 * (server/qa/core/vote-alert.ts). newVoters: the flagged votes; sharedAddress: how many of them came from
 * identities that joined from one address (the largest such group, 0 when none shares one); since: the
 * first flagged vote.
 */
export const VoteAlert = z.object({
  newVoters: z.number().int().nonnegative(),
  sharedAddress: z.number().int().nonnegative(),
  since: z.string(),
});
export type VoteAlert = z.infer<typeof VoteAlert>;

/** What moderators see in addition. */
export const ModQuestion = Question.extend({
  authorId: z.string(),
  anonymous: z.boolean(),
  starred: z.boolean(),
  /** Why it waits for review: pre-moderation, or which blocked words matched. */
  flaggedWords: z.array(z.string()),
  /** A burst of new identities voting for it (null: none); never sent to attendees or the stage. */
  voteAlert: VoteAlert.nullable().optional(),
});
export type ModQuestion = z.infer<typeof ModQuestion>;

export const QuestionText = z.string().trim().min(1, 'empty').max(2000);

// ---- commands (client → server) ----

export const AskCommand = z.object({
  text: QuestionText,
  anonymous: z.boolean().default(false),
});
export const EditOwnCommand = z.object({ id: QuestionId, text: QuestionText });
export const WithdrawCommand = z.object({ id: QuestionId });
export const VoteCommand = z.object({ id: QuestionId, up: z.boolean() });

export const ApproveCommand = z.object({
  id: QuestionId,
  /** Edit-then-approve: the corrected text replaces the original. */
  text: QuestionText.optional(),
});
export const IdCommand = z.object({ id: QuestionId });
export const HighlightCommand = z.object({ id: QuestionId.nullable() });
export const QueueCommand = z.object({ ids: z.array(QuestionId).max(200) });
export const StarCommand = z.object({ id: QuestionId, starred: z.boolean() });
export const LabelCommand = z.object({ id: QuestionId, labels: z.array(Label).max(10) });
export const ReplyCommand = z.object({ id: QuestionId, text: z.string().trim().max(2000).nullable() });
export const ModEditCommand = z.object({ id: QuestionId, text: QuestionText });
/** Merges a duplicate (`mergeId`, incoming or live) into the question that stays (`keepId`). */
export const MergeCommand = z.object({ keepId: QuestionId, mergeId: QuestionId });
export const MergeResult = z.object({ kept: ModQuestion, merged: ModQuestion });

/** Moderators: clear a question's vote alert; the votes of that burst do not raise it again. */
export const DismissVoteAlertCommand = z.object({ id: QuestionId });
/** Moderators: remove the flagged votes of a question's vote alert from its count (and clear the alert). */
export const DiscountVotesCommand = z.object({ id: QuestionId });
export const DiscountVotesResult = z.object({ question: ModQuestion, removed: z.number().int().nonnegative() });

export const BulkAction = z.enum(['approve', 'reject', 'answer']);
export const BulkCommand = z.object({ ids: z.array(QuestionId).min(1).max(500), action: BulkAction });
export type BulkAction = z.infer<typeof BulkAction>;

// ---- results (in acks) ----
export const QuestionResult = z.object({ question: Question });
export const ModQuestionResult = z.object({ question: ModQuestion });
/** `seq`: the delta that carries this change of the vote (absent when the vote changed nothing). */
export const VoteResult = z.object({ id: QuestionId, voted: z.boolean(), seq: z.number().int().nonnegative().optional() });
export const BulkResult = z.object({
  /** ids changed; ids skipped because their state did not allow the action are listed in skipped. */
  changed: z.array(QuestionId),
  skipped: z.array(QuestionId),
});

// ---- REST import: POST /api/events/:id/questions (moderator token) ----

/** A question from another chat source (a Zoom bot, a Stream Deck button, a script): into the review queue. */
export const ImportQuestionBody = z.object({
  text: QuestionText,
  /** The author's display name as the source knows it; null/absent = no name. */
  authorName: z.string().trim().min(1).max(80).nullable().optional(),
  /** A short label of the source, shown with the badge ("Zoom"). */
  label: z.string().trim().min(1).max(40).nullable().optional(),
  /** Same key again → the same question (200 instead of 201), nothing new. Unique per event. */
  idempotencyKey: z.string().trim().min(1).max(200),
});
export type ImportQuestionBody = z.infer<typeof ImportQuestionBody>;
export const ImportQuestionResponse = z.object({ question: ModQuestion, created: z.boolean() });
export type ImportQuestionResponse = z.infer<typeof ImportQuestionResponse>;

// ---- settings (EventSettings.qa) ----

export const QaSettings = z.object({
  /** Accepting new questions at all. */
  open: z.boolean().default(true),
  /** Every new question waits for a moderator before attendees see it. */
  premoderation: z.boolean().default(false),
  anonymousAllowed: z.boolean().default(true),
  maxQuestionLength: z.number().int().min(20).max(2000).default(300),
  /** Questions containing one of these words go to review even without pre-moderation. */
  blockedWords: z.array(z.string().trim().min(1).max(60)).max(500).default([...DEFAULT_BLOCKED_WORDS]),
  /** Ballot stuffing: flag a burst of new identities voting for one question to moderators. */
  voteAlert: z.boolean().default(true),
  /** …when at least this many votes … */
  voteAlertVotes: z.number().int().min(3).max(10_000).default(25),
  /** …within this many seconds … */
  voteAlertWindowSeconds: z.number().int().min(5).max(3600).default(60),
  /** …come from identities created at most this many minutes before their vote. */
  voteAlertNewMinutes: z.number().int().min(1).max(1440).default(5),
});
export type QaSettings = z.infer<typeof QaSettings>;

/**
 * A partial update of the settings, as sent by organizers and moderators. Spelled out without defaults:
 * `QaSettings.partial()` would fill every absent field with its default (zod 4 applies defaults inside
 * optional), so a patch of one field would reset all the others.
 */
export const QaSettingsPatch = z.object({
  open: z.boolean().optional(),
  premoderation: z.boolean().optional(),
  anonymousAllowed: z.boolean().optional(),
  maxQuestionLength: z.number().int().min(20).max(2000).optional(),
  blockedWords: z.array(z.string().trim().min(1).max(60)).max(500).optional(),
  voteAlert: z.boolean().optional(),
  voteAlertVotes: z.number().int().min(3).max(10_000).optional(),
  voteAlertWindowSeconds: z.number().int().min(5).max(3600).optional(),
  voteAlertNewMinutes: z.number().int().min(1).max(1440).optional(),
});

/** Blocked words without duplicates (case-insensitive; the first spelling stays). */
export function dedupeWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---- snapshot part and changes ----

export const QaSnapshot = z.object({
  /** Attendees and stage: live and answered questions. Moderators: every question but withdrawn. */
  questions: z.array(z.union([ModQuestion, Question])),
  highlightedId: QuestionId.nullable(),
  queue: z.array(QuestionId),
  pendingCount: z.number().int().nonnegative(),
  /** Answered questions not in `questions` (only the newest 50 are): `qa:answeredPage` pages them. */
  answeredOlder: z.number().int().nonnegative(),
  /** Attendees only: question ids this person has upvoted (of the questions in this snapshot). */
  myVotes: z.array(QuestionId),
  /** Attendees only: this person's own questions in every state (pending ones are not in questions). */
  own: z.array(Question),
});
export type QaSnapshot = z.infer<typeof QaSnapshot>;

/** Moderators receive ModQuestion in upserts, everyone else Question. */
export const QaChanges = [
  z.object({ type: z.literal('question:upsert'), question: z.union([ModQuestion, Question]) }),
  z.object({ type: z.literal('question:remove'), id: QuestionId }),
  /** Coalesced vote counts: only the questions whose count changed since the last delta. */
  z.object({ type: z.literal('question:votes'), counts: z.record(z.string(), z.number().int().nonnegative()) }),
  z.object({ type: z.literal('qa:pendingCount'), count: z.number().int().nonnegative() }),
  z.object({ type: z.literal('qa:highlight'), id: QuestionId.nullable() }),
  z.object({ type: z.literal('qa:queue'), ids: z.array(QuestionId) }),
  /** Staff only: a question's vote alert was raised, grew, or was cleared (null). */
  z.object({ type: z.literal('question:voteAlert'), id: QuestionId, alert: VoteAlert.nullable() }),
] as const;

/** Inside `sync:personal`: to the tabs of one attendee only. */
export const QaPersonal = [
  /** The receiving attendee's own question changed (also pending/rejected ones nobody else sees). */
  z.object({ type: z.literal('qa:own'), question: Question }),
  /** The receiving attendee voted or unvoted in another tab. */
  z.object({ type: z.literal('qa:myVote'), id: QuestionId, voted: z.boolean() }),
] as const;
