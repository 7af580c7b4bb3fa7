/** The editor's form state and its conversion to and from a PollDraft (pure, tested on its own). */
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import { PollDraft, PollSettings, type PollDefinitionInput, type PollDraftInput, type PollOption, type PollType, type RatingScale } from '../../../shared/polls/schemas.js';

export interface EditorQuizQuestion {
  id: string;
  text: string;
  options: PollOption[];
  correct: string[];
  timeLimitSec: number;
}

export interface EditorState {
  type: PollType;
  question: string;
  options: PollOption[];
  maxSelections: number;
  scale: RatingScale;
  lowLabel: string;
  highLabel: string;
  maxWords: number;
  review: boolean;
  questions: EditorQuizQuestion[];
  settings: PollSettings;
}

export const DEFAULT_QUIZ_SECONDS = 20;

export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const used = new Set(taken.map((x) => x.id));
  for (let i = taken.length + 1; ; i++) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

export function blankOptions(n = 2): PollOption[] {
  return Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, text: '' }));
}

export function blankQuestion(taken: readonly { id: string }[] = []): EditorQuizQuestion {
  return { id: nextId('q', taken), text: '', options: blankOptions(2), correct: [], timeLimitSec: DEFAULT_QUIZ_SECONDS };
}

export function emptyState(type: PollType = 'single'): EditorState {
  return {
    type,
    question: '',
    options: blankOptions(2),
    maxSelections: 2,
    scale: 5,
    lowLabel: '',
    highLabel: '',
    maxWords: 3,
    review: true,
    questions: [blankQuestion()],
    settings: PollSettings.parse({}),
  };
}

export function fromDraft(draft: PollDraftInput): EditorState {
  const s = emptyState(draft.definition.type);
  const d = draft.definition;
  const base: EditorState = { ...s, question: d.question, settings: PollSettings.parse(draft.settings ?? {}) };
  switch (d.type) {
    case 'single':
      return { ...base, options: d.options };
    case 'multiple':
      return { ...base, options: d.options, maxSelections: d.maxSelections };
    case 'rating':
      return { ...base, scale: d.scale, lowLabel: d.lowLabel ?? '', highLabel: d.highLabel ?? '' };
    case 'wordcloud':
      return { ...base, maxWords: d.maxWords };
    case 'open':
      return { ...base, review: d.review ?? true };
    case 'ranking':
      return { ...base, options: d.items };
    case 'quiz':
      return { ...base, questions: d.questions.map((q) => ({ id: q.id, text: q.text, options: q.options, correct: q.correct, timeLimitSec: q.timeLimitSec })) };
  }
}

const trimOptions = (options: readonly PollOption[]) => options.map((o) => ({ id: o.id, text: o.text.trim() }));

export function toDraftInput(s: EditorState): PollDraftInput {
  const question = s.question.trim();
  let definition: PollDefinitionInput;
  switch (s.type) {
    case 'single':
      definition = { type: 'single', question, options: trimOptions(s.options) };
      break;
    case 'multiple':
      definition = { type: 'multiple', question, options: trimOptions(s.options), maxSelections: s.maxSelections > 0 ? Math.min(s.maxSelections, s.options.length) : 0 };
      break;
    case 'rating':
      definition = { type: 'rating', question, scale: s.scale, lowLabel: s.lowLabel.trim() || null, highLabel: s.highLabel.trim() || null };
      break;
    case 'wordcloud':
      definition = { type: 'wordcloud', question, maxWords: s.maxWords };
      break;
    case 'open':
      definition = { type: 'open', question, review: s.review };
      break;
    case 'ranking':
      definition = { type: 'ranking', question, items: trimOptions(s.options).slice(0, POLL_LIMITS.rankingItemsMax) };
      break;
    case 'quiz':
      definition = {
        type: 'quiz',
        question,
        questions: s.questions.map((q) => ({
          id: q.id,
          text: q.text.trim(),
          kind: q.correct.length > 1 ? 'multiple' : 'single',
          options: trimOptions(q.options),
          correct: q.options.filter((o) => q.correct.includes(o.id)).map((o) => o.id),
          timeLimitSec: q.timeLimitSec,
        })),
      };
      break;
  }
  const settings = s.type === 'quiz' ? { ...s.settings, allowChange: false, timerSec: null } : s.settings;
  return { definition, settings };
}

export type Problem =
  | { key: 'question' }
  | { key: 'optionText'; n: number }
  | { key: 'options' }
  | { key: 'items' }
  | { key: 'maxSelections' }
  | { key: 'quizText'; n: number }
  | { key: 'quizOptionText'; n: number; m: number }
  | { key: 'quizOptions'; n: number }
  | { key: 'correct'; n: number }
  | { key: 'timer' }
  | { key: 'other' };

/** The draft, or the problems (deduplicated, in form order) that keep it from being valid. */
export function validate(s: EditorState): { ok: true; draft: PollDraft } | { ok: false; problems: Problem[] } {
  const parsed = PollDraft.safeParse(toDraftInput(s));
  if (parsed.success) return { ok: true, draft: parsed.data };
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of parsed.error.issues) {
    const [root, field, a, b, c, d] = issue.path.map(String);
    let p: Problem = { key: 'other' };
    if (root === 'settings') p = { key: 'timer' };
    else if (field === 'question') p = { key: 'question' };
    else if (field === 'options' && a !== undefined && b === 'text') p = { key: 'optionText', n: Number(a) + 1 };
    else if (field === 'options') p = { key: 'options' };
    else if (field === 'items' && a !== undefined && b === 'text') p = { key: 'optionText', n: Number(a) + 1 };
    else if (field === 'items') p = { key: 'items' };
    else if (field === 'maxSelections') p = { key: 'maxSelections' };
    else if (field === 'questions' && a !== undefined) {
      const n = Number(a) + 1;
      if (b === 'text') p = { key: 'quizText', n };
      else if (b === 'options' && c !== undefined && d === 'text') p = { key: 'quizOptionText', n, m: Number(c) + 1 };
      else if (b === 'options') p = { key: 'quizOptions', n };
      else if (b === 'correct' || b === undefined) p = { key: 'correct', n };
      else if (b === 'timeLimitSec') p = { key: 'timer' };
    }
    const id = JSON.stringify(p);
    if (!seen.has(id)) {
      seen.add(id);
      problems.push(p);
    }
  }
  return { ok: false, problems };
}
