/**
 * The polls UI: presentational components with plain props. Wiring (store slice, commands) passes data in
 * and ack-returning callbacks, e.g. `onSubmit={(answer) => send('polls:answer', { pollId, answer })}`.
 * Styles: import './polls.css' once; strings: ./i18n/de.json and ./i18n/en.json (top-level key `polls`).
 */
export type { NowFn, PollAck, PollErrorLike, SubmitAnswer } from './types.js';
export { pollErrorMessage } from './errors.js';
export { PollErrorText } from './PollErrorText.js';
export { Countdown, formatSeconds, secondsLeft } from './Countdown.js';

export { AttendeePoll, type AttendeePollProps } from './AttendeePoll.js';
export { StagePoll, type StagePollProps } from './StagePoll.js';
export { PollAnswer, type PollAnswerProps } from './answer/PollAnswer.js';
export { type AnswerFormProps } from './answer/AnswerShell.js';
export { MultipleChoiceAnswer, SingleChoiceAnswer } from './answer/ChoiceAnswer.js';
export { RatingAnswer } from './answer/RatingAnswer.js';
export { WordCloudAnswer } from './answer/WordCloudAnswer.js';
export { OpenTextAnswer } from './answer/OpenTextAnswer.js';
export { RankingAnswer, moveItem } from './answer/RankingAnswer.js';
export { NicknameForm, QuizFeedback, QuizPlay, ScoringRule, type QuizPlayProps } from './answer/QuizPlay.js';

export { PollResultsView, LazyWordCloud, type PollResultsViewProps } from './results/PollResultsView.js';
export { Bars, ChoiceResults, ResponsesLine, percent } from './results/ChoiceResults.js';
export { RatingResults } from './results/RatingResults.js';
export { TopWords } from './results/TopWords.js';
export { OpenWall } from './results/OpenWall.js';
export { RankingResults } from './results/RankingResults.js';
export { Leaderboard } from './results/Leaderboard.js';
export { QuizQuestionBars, QuizResults } from './results/QuizResults.js';
export type { CloudLayout, PlacedWord } from './results/WordCloud.js';

export { PollEditor, type PollEditorProps } from './editor/PollEditor.js';
export { OpenReview, type OpenReviewProps } from './editor/OpenReview.js';
export { ImportDialog, type ImportAck, type ImportDialogProps } from './editor/ImportDialog.js';
export { emptyState, fromDraft, toDraftInput, validate as validateEditor } from './editor/editor-state.js';
