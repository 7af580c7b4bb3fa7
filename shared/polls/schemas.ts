/**
 * Live polls and quizzes on the wire: what moderators define, what each audience sees of a poll, what
 * attendees answer, and the changes that keep everyone in sync.
 *
 * Types: single choice, multiple choice (up to maxSelections), rating (1–5 stars or 1–10), word cloud
 * (1–3 short answers per person), open text (reviewed like questions, shown as a wall), ranking (order
 * 2–10 items, Borda score) and quiz (a series of single/multiple-choice questions with a timer each).
 *
 * Lifecycle: draft → open → closed → (reopen) open. Only an open poll takes answers.
 */
import { z } from 'zod';
import { POLL_LIMITS } from './limits.js';

// ---- limits (one place, shared/polls/limits.ts: free of zod, the attendee's poll panel reads them there) ----
export { POLL_LIMITS, QUIZ_GRACE_MS, QUIZ_POINTS_MAX, QUIZ_POINTS_MIN_CORRECT } from './limits.js';

export const PollId = z.string().min(1).max(64);
export type PollId = z.infer<typeof PollId>;
/** Ids of options, ranking items and quiz questions: short, chosen by the editor (o1, o2 …), unique per poll. */
export const ItemId = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, 'letters, digits, _ or -');
export type ItemId = z.infer<typeof ItemId>;

export const PollType = z.enum(['single', 'multiple', 'rating', 'wordcloud', 'open', 'ranking', 'quiz']);
export type PollType = z.infer<typeof PollType>;

export const PollStatus = z.enum(['draft', 'open', 'closed']);
export type PollStatus = z.infer<typeof PollStatus>;

const QuestionText = z.string().trim().min(1).max(POLL_LIMITS.questionMax);
export const OptionText = z.string().trim().min(1).max(POLL_LIMITS.optionMax);
export const PollOption = z.object({ id: ItemId, text: OptionText });
export type PollOption = z.infer<typeof PollOption>;

function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((o) => o.id)).size === items.length;
}
const Options = z
  .array(PollOption)
  .min(POLL_LIMITS.optionsMin)
  .max(POLL_LIMITS.optionsMax)
  .refine(uniqueIds, 'option ids must be unique');

// ---- definitions (what the moderator edits) ----
export const SingleDefinition = z.object({ type: z.literal('single'), question: QuestionText, options: Options });
export const MultipleDefinition = z
  .object({
    type: z.literal('multiple'),
    question: QuestionText,
    options: Options,
    /** At most this many options per person (1 … number of options). */
    maxSelections: z.number().int().min(1).max(POLL_LIMITS.optionsMax),
  })
  .refine((d) => d.maxSelections <= d.options.length, { message: 'maxSelections exceeds the options', path: ['maxSelections'] });
export const RatingScale = z.union([z.literal(5), z.literal(10)]);
export type RatingScale = z.infer<typeof RatingScale>;
export const RatingDefinition = z.object({
  type: z.literal('rating'),
  question: QuestionText,
  /** 5: stars 1–5; 10: numbers 1–10. */
  scale: RatingScale,
  /** Optional labels of the two ends ("gar nicht" … "sehr"). */
  lowLabel: z.string().trim().max(POLL_LIMITS.ratingLabelMax).nullable().default(null),
  highLabel: z.string().trim().max(POLL_LIMITS.ratingLabelMax).nullable().default(null),
});
export const WordCloudDefinition = z.object({
  type: z.literal('wordcloud'),
  question: QuestionText,
  /** How many words one person may send (1–3). */
  maxWords: z.number().int().min(1).max(POLL_LIMITS.wordsPerPersonMax),
});
export const OpenDefinition = z.object({
  type: z.literal('open'),
  question: QuestionText,
  /** Answers wait for a moderator before they appear on the wall (like pre-moderated questions). */
  review: z.boolean().default(true),
});
export const RankingDefinition = z.object({
  type: z.literal('ranking'),
  question: QuestionText,
  items: z.array(PollOption).min(POLL_LIMITS.rankingItemsMin).max(POLL_LIMITS.rankingItemsMax).refine(uniqueIds, 'item ids must be unique'),
});
export const QuizQuestion = z
  .object({
    id: ItemId,
    text: QuestionText,
    /** single: exactly one option may be chosen; multiple: several, scored right only when the set matches exactly. */
    kind: z.enum(['single', 'multiple']),
    options: Options,
    correct: z.array(ItemId).min(1).max(POLL_LIMITS.optionsMax),
    timeLimitSec: z.number().int().min(POLL_LIMITS.quizTimerMinSec).max(POLL_LIMITS.quizTimerMaxSec),
  })
  .refine((q) => q.correct.every((id) => q.options.some((o) => o.id === id)), { message: 'a correct answer is not an option', path: ['correct'] })
  .refine((q) => new Set(q.correct).size === q.correct.length, { message: 'correct answers repeat', path: ['correct'] })
  .refine((q) => q.kind === 'multiple' || q.correct.length === 1, { message: 'single choice needs exactly one correct answer', path: ['correct'] });
export type QuizQuestion = z.infer<typeof QuizQuestion>;
export const QuizDefinition = z.object({
  type: z.literal('quiz'),
  /** The quiz's title (each question has its own text). */
  question: QuestionText,
  questions: z.array(QuizQuestion).min(1).max(POLL_LIMITS.quizQuestionsMax).refine(uniqueIds, 'question ids must be unique'),
});

export const PollDefinition = z.discriminatedUnion('type', [
  SingleDefinition, MultipleDefinition, RatingDefinition, WordCloudDefinition, OpenDefinition, RankingDefinition, QuizDefinition,
]);
export type PollDefinition = z.infer<typeof PollDefinition>;
export type PollDefinitionInput = z.input<typeof PollDefinition>;
export type DefinitionOf<T extends PollType> = Extract<PollDefinition, { type: T }>;

// ---- settings ----
/** live: attendees see results while the poll is open; afterClose: once it is closed; hidden: only after a reveal. */
export const ResultsVisibility = z.enum(['live', 'afterClose', 'hidden']);
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;
export const Identity = z.enum(['anonymous', 'named']);
export type Identity = z.infer<typeof Identity>;

export const PollSettings = z.object({
  results: ResultsVisibility.default('live'),
  /** anonymous (default): nobody sees who answered what, not even the export. named: names in the export and on the wall. */
  identity: Identity.default('anonymous'),
  /** Attendees may change their answer while the poll is open. */
  allowChange: z.boolean().default(false),
  /** Closes the poll this many seconds after it opened; null = no timer. Not used by quizzes (per question). */
  timerSec: z.number().int().min(POLL_LIMITS.timerMinSec).max(POLL_LIMITS.timerMaxSec).nullable().default(null),
});
export type PollSettings = z.infer<typeof PollSettings>;
/** A partial settings update; spelled out without defaults (zod 4 fills defaults inside optional). */
export const PollSettingsPatch = z.object({
  results: ResultsVisibility.optional(),
  identity: Identity.optional(),
  allowChange: z.boolean().optional(),
  timerSec: z.number().int().min(POLL_LIMITS.timerMinSec).max(POLL_LIMITS.timerMaxSec).nullable().optional(),
});
export type PollSettingsPatch = z.infer<typeof PollSettingsPatch>;

/** A poll as prepared (create, import, duplicate). */
export const PollDraft = z.object({ definition: PollDefinition, settings: PollSettings.default(PollSettings.parse({})) });
export type PollDraft = z.infer<typeof PollDraft>;
export type PollDraftInput = z.input<typeof PollDraft>;

// ---- answers (attendee → server) ----
export const WordText = z.string().max(POLL_LIMITS.wordMax * 4);
export const AnswerPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), optionId: ItemId }),
  z.object({ type: z.literal('multiple'), optionIds: z.array(ItemId).min(1).max(POLL_LIMITS.optionsMax) }),
  z.object({ type: z.literal('rating'), value: z.number().int().min(1).max(10) }),
  /** Length and emptiness are checked by the rule (so the attendee learns which word is wrong). */
  z.object({ type: z.literal('wordcloud'), words: z.array(WordText).min(1).max(POLL_LIMITS.wordsPerPersonMax) }),
  z.object({ type: z.literal('open'), text: z.string().max(POLL_LIMITS.openTextMax * 4) }),
  /** Every item id exactly once, best first. */
  z.object({ type: z.literal('ranking'), order: z.array(ItemId).max(POLL_LIMITS.rankingItemsMax * 2) }),
  z.object({ type: z.literal('quiz'), questionId: ItemId, optionIds: z.array(ItemId).min(1).max(POLL_LIMITS.optionsMax) }),
]);
export type AnswerPayload = z.infer<typeof AnswerPayload>;
export type AnswerOf<T extends PollType> = Extract<AnswerPayload, { type: T }>;

// ---- results ----
export const Count = z.number().int().nonnegative();
export const ChoiceResults = z.object({
  kind: z.literal('choice'),
  /** Per option id: how many people chose it. */
  counts: z.record(z.string(), Count),
});
export const RatingResults = z.object({
  kind: z.literal('rating'),
  /** distribution[i] = number of people who gave i + 1. */
  distribution: z.array(Count),
  /** null when nobody answered; otherwise rounded to two decimals. */
  mean: z.number().nullable(),
});
export const WordCount = z.object({ text: z.string(), count: Count });
export type WordCount = z.infer<typeof WordCount>;
export const WordResults = z.object({
  kind: z.literal('words'),
  /** Grouped words, most frequent first, at most POLL_LIMITS.wordCloudTop. */
  words: z.array(WordCount),
  /** All words counted (after stop and blocked words were left out). */
  total: Count,
});
export const OpenResults = z.object({
  kind: z.literal('open'),
  /** Answers on the wall. */
  approved: Count,
  /** Staff only (0 for others): answers waiting for review. */
  pending: Count,
});
export const RankingResults = z.object({
  kind: z.literal('ranking'),
  /** Borda score per item: with n items, first place gives n − 1 points, last place 0. */
  scores: z.record(z.string(), Count),
});
export const QuizQuestionResults = z.object({
  questionId: ItemId,
  counts: z.record(z.string(), Count),
  answered: Count,
  correct: Count,
});
export type QuizQuestionResults = z.infer<typeof QuizQuestionResults>;
export const QuizResults = z.object({ kind: z.literal('quiz'), questions: z.array(QuizQuestionResults) });
export const PollResults = z.discriminatedUnion('kind', [ChoiceResults, RatingResults, WordResults, OpenResults, RankingResults, QuizResults]);
export type PollResults = z.infer<typeof PollResults>;
export type ResultsOf<K extends PollResults['kind']> = Extract<PollResults, { kind: K }>;

// ---- quiz run ----
/** lobby: open, people pick nicknames. question: one question runs with its timer. review: the correct answer
 * and the leaderboard after a question. finished: after the last review; final leaderboard. */
export const QuizPhase = z.enum(['lobby', 'question', 'review', 'finished']);
export type QuizPhase = z.infer<typeof QuizPhase>;
export const LeaderboardEntry = z.object({
  /** 1 = best; equal scores share a rank (1, 1, 3). */
  rank: z.number().int().positive(),
  nickname: z.string(),
  score: Count,
  correct: Count,
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;
export const QuizRun = z.object({
  phase: QuizPhase,
  /** Index of the current (question) or last (review) question; -1 in the lobby. */
  index: z.number().int().min(-1),
  questionStartedAt: z.string().nullable(),
  questionEndsAt: z.string().nullable(),
  /** Players with a nickname. */
  players: Count,
  /** Top of the leaderboard, in review and finished (empty otherwise). */
  leaderboard: z.array(LeaderboardEntry),
});
export type QuizRun = z.infer<typeof QuizRun>;
/** The running question as attendees and the stage see it: no correct answer until the review. */
export const PublicQuizQuestion = z.object({
  id: ItemId,
  text: z.string(),
  kind: z.enum(['single', 'multiple']),
  options: z.array(PollOption),
  timeLimitSec: z.number().int().positive(),
  /** In review and finished only. */
  correct: z.array(ItemId).nullable(),
  /** In review and finished only: how many chose each option, and how many answered the question. */
  counts: z.record(z.string(), Count).nullable(),
  answered: Count.nullable(),
});
export type PublicQuizQuestion = z.infer<typeof PublicQuizQuestion>;
export const PublicQuizRun = QuizRun.extend({ question: PublicQuizQuestion.nullable(), questionCount: z.number().int().positive() });
export type PublicQuizRun = z.infer<typeof PublicQuizRun>;

// ---- views ----
const PollTimes = {
  openedAt: z.string().nullable(),
  /** When the timer closes the poll (open with a timer), else null. Clients count down against serverTime. */
  closesAt: z.string().nullable(),
  closedAt: z.string().nullable(),
};

/** Organizers and moderators (and facilitators): everything, with full tallies. */
export const StaffPoll = z.object({
  id: PollId,
  /** 0-based order in the moderator's list. */
  position: z.number().int().nonnegative(),
  status: PollStatus,
  definition: PollDefinition,
  settings: PollSettings,
  /** Results made visible to attendees (for afterClose before closing, and for hidden). */
  revealed: z.boolean(),
  ...PollTimes,
  /** People who answered. */
  responses: Count,
  results: PollResults,
  /** Quizzes only. */
  quiz: QuizRun.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StaffPoll = z.infer<typeof StaffPoll>;

/** A quiz as attendees see it before and while it runs: the questions stay secret. */
export const PublicQuizDefinition = z.object({ type: z.literal('quiz'), question: z.string(), questionCount: z.number().int().positive() });
export const PublicDefinition = z.discriminatedUnion('type', [
  SingleDefinition, MultipleDefinition, RatingDefinition, WordCloudDefinition, OpenDefinition, RankingDefinition, PublicQuizDefinition,
]);
export type PublicDefinition = z.infer<typeof PublicDefinition>;

/** Attendees and the stage: polls that are not drafts; results only when the visibility rule allows. */
export const PublicPoll = z.object({
  id: PollId,
  position: z.number().int().nonnegative(),
  status: PollStatus,
  definition: PublicDefinition,
  settings: PollSettings.pick({ results: true, identity: true, allowChange: true, timerSec: true }),
  ...PollTimes,
  responses: Count,
  /** null while hidden from this audience. Word clouds: attendees get the top words only. */
  results: PollResults.nullable(),
  quiz: PublicQuizRun.nullable(),
});
export type PublicPoll = z.infer<typeof PublicPoll>;

export const PollView = z.union([StaffPoll, PublicPoll]);
export type PollView = z.infer<typeof PollView>;

/** pending: waits for a moderator. approved: on the wall. rejected: hidden (its author sees it as declined). */
export const OpenEntryState = z.enum(['pending', 'approved', 'rejected']);
export type OpenEntryState = z.infer<typeof OpenEntryState>;
export const OpenEntry = z.object({
  id: z.string().min(1).max(64),
  pollId: PollId,
  text: z.string(),
  /** Named polls only; null otherwise. */
  name: z.string().nullable(),
  state: OpenEntryState,
  createdAt: z.string(),
});
export type OpenEntry = z.infer<typeof OpenEntry>;

/** The receiving attendee's own answer (all their tabs). */
export const MyAnswer = z.object({
  pollId: PollId,
  /** null: no answer (e.g. after a reset). */
  answer: AnswerPayload.nullable(),
  answeredAt: z.string().nullable(),
  /** Open text: the review state of the answer. */
  openState: OpenEntryState.nullable().default(null),
});
export type MyAnswer = z.infer<typeof MyAnswer>;
export const MyQuizAnswer = z.object({
  questionId: ItemId,
  optionIds: z.array(ItemId),
  /** null until the question's review. */
  correct: z.boolean().nullable(),
  points: Count,
  answeredAt: z.string(),
});
export type MyQuizAnswer = z.infer<typeof MyQuizAnswer>;
export const MyQuiz = z.object({
  pollId: PollId,
  nickname: z.string().nullable(),
  /** Points revealed so far (questions in review or done). */
  score: Count,
  /** null until the first review. */
  rank: z.number().int().positive().nullable(),
  answers: z.array(MyQuizAnswer),
});
export type MyQuiz = z.infer<typeof MyQuiz>;

// ---- commands (payloads and results) ----
export const Nickname = z.string().trim().min(1).max(POLL_LIMITS.nicknameMax);
export const CreatePollCommand = PollDraft;
export const UpdatePollCommand = z.object({
  id: PollId,
  /** Refused (invalid_state) once the poll has answers or is open: duplicate it instead. */
  definition: PollDefinition.optional(),
  settings: PollSettingsPatch.optional(),
});
export const PollIdCommand = z.object({ id: PollId });
export const ReorderPollsCommand = z.object({ ids: z.array(PollId).max(POLL_LIMITS.pollsPerEventMax) });
export const ImportFormat = z.enum(['text', 'json']);
export type ImportFormat = z.infer<typeof ImportFormat>;
export const ImportPollsCommand = z.object({
  format: ImportFormat,
  source: z.string().max(POLL_LIMITS.importSourceMax),
  /** Parse only: return drafts and problems, create nothing. */
  dryRun: z.boolean().default(false),
});
/** A problem in an import, with the 1-based line (text) or poll number (JSON) it belongs to. */
export const ImportIssueCode = z.enum([
  'empty', 'no_question', 'too_few_options', 'too_many_options', 'too_long', 'no_correct', 'bad_type', 'bad_value', 'bad_json', 'too_many_polls', 'duplicate_option',
]);
export type ImportIssueCode = z.infer<typeof ImportIssueCode>;
export const ImportIssue = z.object({
  line: z.number().int().nonnegative(),
  code: ImportIssueCode,
  /** English detail for logs and the JSON format's path; the UI translates `code`. */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;
export const ImportPollsResult = z.object({
  drafts: z.array(PollDraft),
  issues: z.array(ImportIssue),
  /** Empty on a dry run. */
  created: z.array(StaffPoll),
});
export const RevealCommand = z.object({ id: PollId, revealed: z.boolean() });
export const PresentCommand = z.object({ id: PollId.nullable() });
export const AnswerCommand = z.object({ pollId: PollId, answer: AnswerPayload });
export const ReviewDecision = z.enum(['approve', 'reject']);
export const ReviewCommand = z.object({
  pollId: PollId,
  entryIds: z.array(z.string().min(1).max(64)).min(1).max(POLL_LIMITS.reviewBatchMax),
  decision: ReviewDecision,
});
export const NicknameCommand = z.object({ pollId: PollId, nickname: Nickname });
/** The attendee deletes their own answer (a quiz: all their answers and their nickname). */
export const RetractCommand = z.object({ pollId: PollId });

export const StaffPollResult = z.object({ poll: StaffPoll });
export const AnswerResult = z.object({ mine: MyAnswer, quiz: MyQuiz.nullable() });
export const ReviewResult = z.object({ changed: z.array(z.string()), skipped: z.array(z.string()) });

// ---- snapshot ----
export const PollsSnapshot = z.object({
  /** Staff: every poll (StaffPoll). Attendees and stage: polls that are not drafts (PublicPoll). In list order. */
  polls: z.array(PollView),
  /** The poll the moderator put on the stage and on attendees' screens; null = none. */
  presentedId: PollId.nullable(),
  /** Open-text answers. Staff: every entry. Others: approved entries of polls whose results they may see. */
  entries: z.array(OpenEntry),
  /** Attendees only (empty otherwise): own answers and quiz state. */
  mine: z.array(MyAnswer),
  myQuizzes: z.array(MyQuiz),
  /** Staff only: attendees connected now, to compare with responses; null for others. */
  present: Count.nullable(),
});
export type PollsSnapshot = z.infer<typeof PollsSnapshot>;

// ---- changes inside sync:delta ----
/** One poll's new counts inside polls:tallies. results null: hidden from this audience (only responses). */
export const TallyUpdate = z.object({ responses: Count, results: PollResults.nullable() });
export type TallyUpdate = z.infer<typeof TallyUpdate>;
export const PollChanges = [
  /** Created, edited, opened, closed, revealed … the whole poll in the audience's view. */
  z.object({ type: z.literal('polls:upsert'), poll: PollView }),
  z.object({ type: z.literal('polls:remove'), id: PollId }),
  z.object({ type: z.literal('polls:order'), ids: z.array(PollId) }),
  z.object({ type: z.literal('polls:presented'), id: PollId.nullable() }),
  /** Coalesced (≤ 10/s per poll): only the polls whose counts changed since the last delta. */
  z.object({ type: z.literal('polls:tallies'), polls: z.record(z.string(), TallyUpdate) }),
  /** Open-text answers added or reviewed (staff: all; public: when approved). */
  z.object({ type: z.literal('polls:entries'), entries: z.array(OpenEntry) }),
  /** Open-text answers taken off the wall for this audience (public: on reject). */
  z.object({ type: z.literal('polls:entriesRemove'), pollId: PollId, ids: z.array(z.string()) }),
  /** Staff only: attendees connected now. */
  z.object({ type: z.literal('polls:present'), count: Count }),
] as const;
export type PollChange = z.infer<(typeof PollChanges)[number]>;

// ---- personal changes (all tabs of one attendee; idempotent upserts, outside the sequence) ----
export const PollPersonalChanges = [
  z.object({ type: z.literal('polls:myAnswer'), mine: MyAnswer }),
  z.object({ type: z.literal('polls:myQuiz'), quiz: MyQuiz }),
] as const;
export type PollPersonalChange = z.infer<(typeof PollPersonalChanges)[number]>;

// ---- error codes this feature adds ----
export const POLL_ERROR_CODES = [
  'poll_closed', // the poll is not open (draft or closed), or the timer ran out
  'unknown_option', // an option, item or quiz question that the poll does not have
  'too_many_selections', // more options than maxSelections, or several for a single choice
  'not_a_ranking', // the order is not every item exactly once
  'empty_answer', // an empty word or text after trimming
  'time_up', // a quiz answer after the question's timer
  'already_answered', // the poll does not allow changing an answer
  'nickname_required', // quiz answer before choosing a nickname
  'nickname_taken', // another player of this quiz uses the nickname
  'import_invalid', // the import has problems; params: line, reason (ImportIssueCode), count
] as const;
export const PollErrorCode = z.enum(POLL_ERROR_CODES);
export type PollErrorCode = z.infer<typeof PollErrorCode>;

/** The same codes with the HTTP status they map to in REST answers (the kernel's SharedFeature.errorCodes shape). */
export const POLL_ERROR_STATUS = {
  poll_closed: 409,
  unknown_option: 400,
  too_many_selections: 400,
  not_a_ranking: 400,
  empty_answer: 400,
  time_up: 409,
  already_answered: 409,
  nickname_required: 409,
  nickname_taken: 409,
  import_invalid: 400,
} as const satisfies Record<PollErrorCode, number>;
