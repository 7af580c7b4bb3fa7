/**
 * Importing a list of polls, from a friendly text format or JSON. Pure: source in, drafts and problems
 * out (every problem with the line it is on; for JSON the poll's number). Nothing is created when there
 * is a problem; the handler refuses with import_invalid and the dialog shows the list.
 *
 * Text format (German type words work too; lines starting with # are comments; blank lines separate polls):
 *
 *   Wie gefällt Ihnen die Veranstaltung?      ← a poll without a tag is single choice
 *   - Sehr gut
 *   - Gut
 *
 *   [multiple 2] Welche Themen interessieren Sie?   ← [mehrfach 2]: at most 2 choices (default: all)
 *   - KI
 *   - Cloud
 *   - Sicherheit
 *
 *   [rating 10] Wie wahrscheinlich empfehlen Sie uns weiter?   ← [bewertung] / [rating] = 1–5 stars
 *   - unwahrscheinlich                          ← optional labels of the low and the high end
 *   - sehr wahrscheinlich
 *
 *   [words 3] Ein Wort zum heutigen Tag?        ← [wortwolke n]: up to n words per person (default 3)
 *   [open] Was nehmen Sie mit?                  ← [offen]: answers are reviewed before they show
 *   [ranking] Was ist am wichtigsten?           ← [rangfolge], 2–10 items as "- item"
 *
 *   [quiz] Hauptstädte                          ← a quiz: its questions follow as "? text (seconds)"
 *   ? Hauptstadt von Frankreich? (20 s)         ← "* option" marks a correct answer (several = multiple choice)
 *   - Berlin
 *   * Paris
 *
 *   ? Welche Städte liegen an der Ostsee? (30 s)   ← blank lines between quiz questions are fine
 *   * Kiel
 *   - Kassel
 *   * Rostock
 *
 * JSON: an array (or { "polls": [...] }) of { definition, settings? } as the API takes them, or the short
 * form { "type": "single", "question": "…", "options": ["A", "B"], "settings": {…} }; options may be
 * strings; quiz questions may mark correct options with { "text": "Paris", "correct": true } or list
 * "correct": ["Paris"] (texts or ids); ids, kind and timeLimitSec (20) are filled in.
 */
import {
  POLL_LIMITS, PollDraft, PollSettings, type ImportIssue, type ImportIssueCode, type PollDraftInput,
} from '../../../shared/polls/schemas.js';
import { pollError } from './errors.js';

export const DEFAULT_QUIZ_SECONDS = 20;
export const DEFAULT_MAX_WORDS = 3;

export interface ImportResult {
  drafts: PollDraft[];
  issues: ImportIssue[];
}

const TAGS: Record<string, 'single' | 'multiple' | 'rating' | 'wordcloud' | 'open' | 'ranking' | 'quiz'> = {
  single: 'single', einfach: 'single', einzel: 'single', choice: 'single', auswahl: 'single',
  multiple: 'multiple', mehrfach: 'multiple', multi: 'multiple',
  rating: 'rating', bewertung: 'rating', stars: 'rating', sterne: 'rating', scale: 'rating', skala: 'rating',
  words: 'wordcloud', wordcloud: 'wordcloud', wortwolke: 'wordcloud', wörter: 'wordcloud', worte: 'wordcloud',
  open: 'open', offen: 'open', text: 'open', freitext: 'open',
  ranking: 'ranking', rangfolge: 'ranking', reihenfolge: 'ranking', rank: 'ranking',
  quiz: 'quiz',
};

interface Line {
  no: number;
  text: string;
}

interface QuizQuestionDraft {
  line: number;
  text: string;
  seconds: number;
  options: { text: string; correct: boolean; line: number }[];
}

export function parseText(source: string): ImportResult {
  const issues: ImportIssue[] = [];
  const issue = (line: number, code: ImportIssueCode, message: string) => issues.push({ line, code, message });
  const blocks: Line[][] = [];
  let current: Line[] = [];
  source.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const text = raw.trim();
    if (text.startsWith('#')) return;
    if (text === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push({ no: i + 1, text });
  });
  if (current.length) blocks.push(current);
  if (blocks.length === 0) {
    issue(0, 'empty', 'nothing to import');
    return { drafts: [], issues };
  }

  const drafts: { line: number; input: PollDraftInput | null }[] = [];
  let quiz: { line: number; title: string; questions: QuizQuestionDraft[] } | null = null;
  const flushQuiz = () => {
    if (!quiz) return;
    drafts.push({ line: quiz.line, input: quizInput(quiz, issue) });
    quiz = null;
  };

  for (const block of blocks) {
    const head = block[0]!;
    if (head.text.startsWith('?')) {
      if (!quiz) {
        issue(head.no, 'bad_type', 'a quiz question ("? …") needs a "[quiz] title" line before it');
        continue;
      }
      readQuizQuestions(block, quiz.questions, issue);
      continue;
    }
    flushQuiz();
    const tag = /^\[\s*([\p{L}]+)\s*(\d+)?\s*\]\s*(.*)$/u.exec(head.text);
    const typeWord = tag ? tag[1]!.toLowerCase() : 'single';
    const type = TAGS[typeWord];
    const number = tag?.[2] !== undefined ? Number(tag[2]) : null;
    const question = tag ? tag[3]!.trim() : head.text;
    if (!type) {
      issue(head.no, 'bad_type', `unknown poll type [${tag![1]}]`);
      continue;
    }
    if (!question) {
      issue(head.no, 'no_question', 'the poll has no question');
      continue;
    }
    if (question.length > POLL_LIMITS.questionMax) issue(head.no, 'too_long', `the question is longer than ${POLL_LIMITS.questionMax} characters`);
    if (type === 'quiz') {
      quiz = { line: head.no, title: question, questions: [] };
      readQuizQuestions(block.slice(1), quiz.questions, issue);
      continue;
    }
    const items: { text: string; line: number }[] = [];
    for (const l of block.slice(1)) {
      const m = /^[-*•]\s*(.+)$/u.exec(l.text);
      if (!m) {
        issue(l.no, 'bad_value', 'expected an option line starting with "- "');
        continue;
      }
      if (l.text.startsWith('*')) issue(l.no, 'bad_value', '"*" marks a correct answer, which only quiz questions have; use "- "');
      items.push({ text: m[1]!.trim(), line: l.no });
    }
    drafts.push({ line: head.no, input: simpleInput(type, question, number, items, head.no, issue) });
  }
  flushQuiz();
  return finish(drafts, issues);
}

type Issue = (line: number, code: ImportIssueCode, message: string) => void;

function checkOptions(items: readonly { text: string; line: number }[], min: number, max: number, headLine: number, issue: Issue): void {
  if (items.length < min) issue(headLine, 'too_few_options', `needs at least ${min} options`);
  if (items.length > max) issue(items[max]!.line, 'too_many_options', `at most ${max} options`);
  const seen = new Set<string>();
  for (const it of items) {
    if (it.text.length > POLL_LIMITS.optionMax) issue(it.line, 'too_long', `an option is longer than ${POLL_LIMITS.optionMax} characters`);
    const key = it.text.toLowerCase();
    if (seen.has(key)) issue(it.line, 'duplicate_option', `"${it.text}" is listed twice`);
    seen.add(key);
  }
}

const toOptions = (items: readonly { text: string }[]) => items.map((it, i) => ({ id: `o${i + 1}`, text: it.text }));

function simpleInput(
  type: 'single' | 'multiple' | 'rating' | 'wordcloud' | 'open' | 'ranking',
  question: string,
  number: number | null,
  items: { text: string; line: number }[],
  line: number,
  issue: Issue,
): PollDraftInput | null {
  switch (type) {
    case 'single':
    case 'multiple': {
      checkOptions(items, POLL_LIMITS.optionsMin, POLL_LIMITS.optionsMax, line, issue);
      if (type === 'single') return { definition: { type, question, options: toOptions(items) } };
      const max = number ?? items.length;
      if (max < 1 || max > items.length) issue(line, 'bad_value', `max selections must be 1 to ${items.length}`);
      return { definition: { type, question, options: toOptions(items), maxSelections: max } };
    }
    case 'rating': {
      const scale = number ?? 5;
      if (scale !== 5 && scale !== 10) issue(line, 'bad_value', 'a rating goes to 5 (stars) or 10');
      if (items.length !== 0 && items.length !== 2) issue(items[0]!.line, 'bad_value', 'a rating takes either no labels or two (low end, high end)');
      for (const it of items) if (it.text.length > POLL_LIMITS.ratingLabelMax) issue(it.line, 'too_long', `a label is longer than ${POLL_LIMITS.ratingLabelMax} characters`);
      return {
        definition: { type, question, scale: scale === 10 ? 10 : 5, lowLabel: items[0]?.text ?? null, highLabel: items[1]?.text ?? null },
      };
    }
    case 'wordcloud': {
      const maxWords = number ?? DEFAULT_MAX_WORDS;
      if (maxWords < 1 || maxWords > POLL_LIMITS.wordsPerPersonMax) issue(line, 'bad_value', `1 to ${POLL_LIMITS.wordsPerPersonMax} words per person`);
      if (items.length) issue(items[0]!.line, 'bad_value', 'a word cloud has no options');
      return { definition: { type, question, maxWords } };
    }
    case 'open':
      if (items.length) issue(items[0]!.line, 'bad_value', 'an open question has no options');
      return { definition: { type, question, review: true } };
    case 'ranking':
      checkOptions(items, POLL_LIMITS.rankingItemsMin, POLL_LIMITS.rankingItemsMax, line, issue);
      return { definition: { type, question, items: toOptions(items) } };
  }
}

function readQuizQuestions(lines: readonly Line[], into: QuizQuestionDraft[], issue: Issue): void {
  for (const l of lines) {
    if (l.text.startsWith('?')) {
      let text = l.text.slice(1).trim();
      let seconds = DEFAULT_QUIZ_SECONDS;
      const time = /\(\s*(\d+)\s*(?:s|sek|sec|sekunden|seconds)?\.?\s*\)\s*$/iu.exec(text);
      if (time) {
        seconds = Number(time[1]);
        text = text.slice(0, time.index).trim();
        if (seconds < POLL_LIMITS.quizTimerMinSec || seconds > POLL_LIMITS.quizTimerMaxSec) {
          issue(l.no, 'bad_value', `the time must be ${POLL_LIMITS.quizTimerMinSec} to ${POLL_LIMITS.quizTimerMaxSec} seconds`);
        }
      }
      if (!text) issue(l.no, 'no_question', 'the quiz question has no text');
      else if (text.length > POLL_LIMITS.questionMax) issue(l.no, 'too_long', `the question is longer than ${POLL_LIMITS.questionMax} characters`);
      into.push({ line: l.no, text, seconds, options: [] });
      continue;
    }
    const m = /^([-*•])\s*(.+)$/u.exec(l.text);
    const q = into[into.length - 1];
    if (!m || !q) {
      issue(l.no, 'bad_value', q ? 'expected "- option" or "* correct option"' : 'expected a quiz question starting with "? "');
      continue;
    }
    q.options.push({ text: m[2]!.trim(), correct: m[1] === '*', line: l.no });
  }
}

function quizInput(quiz: { line: number; title: string; questions: QuizQuestionDraft[] }, issue: Issue): PollDraftInput | null {
  if (quiz.questions.length === 0) issue(quiz.line, 'no_question', 'the quiz has no questions ("? …")');
  if (quiz.questions.length > POLL_LIMITS.quizQuestionsMax) issue(quiz.line, 'bad_value', `at most ${POLL_LIMITS.quizQuestionsMax} questions`);
  const questions = quiz.questions.map((q, i) => {
    checkOptions(q.options, POLL_LIMITS.optionsMin, POLL_LIMITS.optionsMax, q.line, issue);
    const options = toOptions(q.options);
    const correct = options.filter((_, k) => q.options[k]!.correct).map((o) => o.id);
    if (correct.length === 0) issue(q.line, 'no_correct', 'mark the correct answer with "* "');
    return { id: `q${i + 1}`, text: q.text, kind: correct.length > 1 ? ('multiple' as const) : ('single' as const), options, correct, timeLimitSec: q.seconds };
  });
  return { definition: { type: 'quiz', question: quiz.title, questions } };
}

function finish(drafts: { line: number; input: PollDraftInput | null }[], issues: ImportIssue[]): ImportResult {
  if (drafts.length > POLL_LIMITS.pollsPerEventMax) {
    issues.push({ line: 0, code: 'too_many_polls', message: `at most ${POLL_LIMITS.pollsPerEventMax} polls` });
  }
  const out: PollDraft[] = [];
  for (const d of drafts) {
    if (!d.input) continue;
    const parsed = PollDraft.safeParse(d.input);
    if (parsed.success) out.push(parsed.data);
    // Only report schema problems the line checks above did not already name.
    else if (!issues.some((i) => i.line >= d.line)) {
      const first = parsed.error.issues[0];
      issues.push({ line: d.line, code: 'bad_value', message: `${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}` });
    }
  }
  issues.sort((a, b) => a.line - b.line);
  return { drafts: issues.length ? [] : out, issues };
}

// ---- JSON ----

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

function looseOptions(raw: unknown): { id: string; text: string; correct: boolean }[] | unknown {
  if (!Array.isArray(raw)) return raw;
  return raw.map((o, i) => {
    if (typeof o === 'string') return { id: `o${i + 1}`, text: o, correct: false };
    if (isObj(o)) return { id: typeof o.id === 'string' ? o.id : `o${i + 1}`, text: o.text, correct: o.correct === true };
    return o;
  });
}

function expandDefinition(item: Loose): Loose {
  const def: Loose = { ...item };
  delete def.settings;
  const strip = (opts: unknown) => (Array.isArray(opts) ? opts.map((o) => (isObj(o) ? { id: o.id, text: o.text } : o)) : opts);
  if ('options' in def) {
    const opts = looseOptions(def.options);
    def.options = strip(opts);
    if (def.type === 'multiple' && def.maxSelections === undefined && Array.isArray(opts)) def.maxSelections = opts.length;
  }
  if ('items' in def) def.items = strip(looseOptions(def.items));
  if (def.type === 'wordcloud' && def.maxWords === undefined) def.maxWords = DEFAULT_MAX_WORDS;
  if (def.type === 'rating' && def.scale === undefined) def.scale = 5;
  if (def.type === 'quiz' && def.question === undefined && typeof def.title === 'string') def.question = def.title;
  delete def.title;
  if (def.type === 'quiz' && Array.isArray(def.questions)) {
    def.questions = def.questions.map((q, i) => {
      if (!isObj(q)) return q;
      const opts = looseOptions(q.options);
      const list = Array.isArray(opts) ? (opts as { id: string; text: unknown; correct: boolean }[]) : [];
      const named = Array.isArray(q.correct) ? q.correct : typeof q.correct === 'string' ? [q.correct] : null;
      const correct = named
        ? named.map((c) => list.find((o) => o.id === c)?.id ?? list.find((o) => o.text === c)?.id ?? c)
        : list.filter((o) => o.correct).map((o) => o.id);
      return {
        id: typeof q.id === 'string' ? q.id : `q${i + 1}`,
        text: q.text ?? q.question,
        kind: q.kind ?? (correct.length > 1 ? 'multiple' : 'single'),
        options: strip(opts),
        correct,
        timeLimitSec: q.timeLimitSec ?? DEFAULT_QUIZ_SECONDS,
      };
    });
  }
  return def;
}

export function parseJson(source: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    return { drafts: [], issues: [{ line: 0, code: 'bad_json', message: err instanceof Error ? err.message : 'not JSON' }] };
  }
  const list = Array.isArray(data) ? data : isObj(data) && Array.isArray(data.polls) ? data.polls : null;
  if (!list) return { drafts: [], issues: [{ line: 0, code: 'bad_json', message: 'expected an array of polls or { "polls": [...] }' }] };
  if (list.length === 0) return { drafts: [], issues: [{ line: 0, code: 'empty', message: 'nothing to import' }] };
  const issues: ImportIssue[] = [];
  if (list.length > POLL_LIMITS.pollsPerEventMax) issues.push({ line: 0, code: 'too_many_polls', message: `at most ${POLL_LIMITS.pollsPerEventMax} polls` });
  const drafts: PollDraft[] = [];
  list.forEach((item: unknown, i: number) => {
    const no = i + 1;
    if (!isObj(item)) {
      issues.push({ line: no, code: 'bad_value', message: `poll ${no}: expected an object` });
      return;
    }
    const input = isObj(item.definition) ? item : { definition: expandDefinition(item), settings: item.settings };
    if (input.settings === undefined) input.settings = PollSettings.parse({});
    const parsed = PollDraft.safeParse(input);
    if (parsed.success) drafts.push(parsed.data);
    else {
      for (const zi of parsed.error.issues.slice(0, 3)) {
        const path = zi.path.join('.');
        const code: ImportIssueCode = /type/.test(path) && zi.code === 'invalid_union' ? 'bad_type' : zi.code === 'too_big' ? (path.endsWith('options') || path.endsWith('items') ? 'too_many_options' : 'too_long') : zi.code === 'too_small' && (path.endsWith('options') || path.endsWith('items')) ? 'too_few_options' : 'bad_value';
        issues.push({ line: no, code, message: `poll ${no}: ${path}: ${zi.message}` });
      }
    }
  });
  return { drafts: issues.length ? [] : drafts, issues };
}

export function parseImport(format: 'text' | 'json', source: string): ImportResult {
  return format === 'json' ? parseJson(source) : parseText(source);
}

/** For a real (not dry-run) import: the drafts, or import_invalid naming the first problem (line, reason, count). */
export function requireValidImport(result: ImportResult): PollDraft[] {
  const first = result.issues[0];
  if (first) {
    throw pollError('import_invalid', `line ${first.line}: ${first.message}`, {
      params: { line: first.line, reason: first.code, count: result.issues.length },
    });
  }
  return result.drafts;
}
