/**
 * Exports of one poll or all polls of an event: CSV (one flat table: result rows, then answer rows) and
 * JSON (structured). Names appear only for named polls (quiz rows carry the public nickname).
 *
 * CSV columns: poll_id, poll_position (1-based), poll_type, question, status, row (result|answer), then
 *   result rows: item (option / rating value / word / ranking item / quiz question, then its options as "[x] correct" / "[ ] wrong"),
 *                count, percent (of people who answered), score (rating mean, Borda score, quiz: number right)
 *   answer rows: respondent (named polls; quiz: nickname), answered_at, answer (readable text),
 *                state (open text: pending|approved|rejected; quiz: correct|wrong), score (quiz points),
 *                item (quiz: the question) Cells that attendees wrote are defused so a
 * spreadsheet never runs them as formulas (same rule as server/qa/csv.ts).
 */
import { stringify } from 'csv-stringify/sync';
import type { AnswerPayload, PollDefinition, PollResults } from '../../../shared/polls/schemas.js';
import { rankItems } from './borda.js';
import type { RankedPlayer } from './leaderboard.js';
import type { AnswerRecord, PollRecord, QuizAnswerRecord, QuizPlayer } from './types.js';

export const POLLS_CSV_COLUMNS = [
  'poll_id', 'poll_position', 'poll_type', 'question', 'status', 'row', 'item', 'count', 'percent', 'score', 'respondent', 'answered_at', 'answer', 'state',
] as const;
export const LEADERBOARD_CSV_COLUMNS = ['rank', 'nickname', 'score', 'correct_answers'] as const;

export interface PollExport {
  poll: PollRecord;
  results: PollResults;
  responses: number;
  answers: readonly AnswerRecord[];
  quizAnswers?: readonly QuizAnswerRecord[];
  /** Quizzes: nicknames (public anyway) name the rows of quiz answers. */
  players?: readonly QuizPlayer[];
}

/** Spreadsheets run cells starting with = + - @ (or tab/CR) as formulas; attendee text must never do that. */
export function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function toCsv(rows: readonly (readonly string[])[]): string {
  // The BOM makes Excel read UTF-8 (umlauts); CRLF is what RFC 4180 and Excel expect.
  return '\uFEFF' + stringify(rows as string[][], { record_delimiter: 'windows', quoted_match: /[",\r\n;]/ });
}

function labelsOf(def: PollDefinition): Map<string, string> {
  if (def.type === 'single' || def.type === 'multiple') return new Map(def.options.map((o) => [o.id, o.text]));
  if (def.type === 'ranking') return new Map(def.items.map((o) => [o.id, o.text]));
  if (def.type === 'quiz') return new Map(def.questions.flatMap((q) => q.options.map((o) => [`${q.id}:${o.id}`, o.text] as const)));
  return new Map();
}

const pct = (n: number, of: number) => (of > 0 ? ((100 * n) / of).toFixed(1) : '0.0');

/** One answer as readable text (option texts, not ids). */
export function answerText(def: PollDefinition, answer: AnswerPayload): string {
  const labels = labelsOf(def);
  switch (answer.type) {
    case 'single':
      return labels.get(answer.optionId) ?? answer.optionId;
    case 'multiple':
      return answer.optionIds.map((id) => labels.get(id) ?? id).join('; ');
    case 'rating':
      return String(answer.value);
    case 'wordcloud':
      return answer.words.join('; ');
    case 'open':
      return answer.text;
    case 'ranking':
      return answer.order.map((id, i) => `${i + 1}. ${labels.get(id) ?? id}`).join('; ');
    case 'quiz':
      return answer.optionIds.map((id) => labels.get(`${answer.questionId}:${id}`) ?? id).join('; ');
  }
}

type Row = Record<(typeof POLLS_CSV_COLUMNS)[number], string>;

function resultRows(e: PollExport): Partial<Row>[] {
  const { poll, results, responses } = e;
  const def = poll.definition;
  switch (results.kind) {
    case 'choice':
      return (def.type === 'single' || def.type === 'multiple' ? def.options : []).map((o) => {
        const n = results.counts[o.id] ?? 0;
        return { item: o.text, count: String(n), percent: pct(n, responses) };
      });
    case 'rating':
      return [
        ...results.distribution.map((n, i) => ({ item: String(i + 1), count: String(n), percent: pct(n, responses) })),
        { item: 'mean', score: results.mean === null ? '' : String(results.mean) },
      ];
    case 'words':
      return results.words.map((w) => ({ item: w.text, count: String(w.count) }));
    case 'open':
      return [{ item: 'approved', count: String(results.approved) }, { item: 'pending', count: String(results.pending) }];
    case 'ranking':
      return rankItems(def.type === 'ranking' ? def.items : [], results.scores).map((o) => ({ item: o.text, score: String(results.scores[o.id] ?? 0), count: String(responses) }));
    case 'quiz': {
      const questions = def.type === 'quiz' ? def.questions : [];
      return results.questions.flatMap((r) => {
        const q = questions.find((x) => x.id === r.questionId);
        if (!q) return [];
        return [
          { item: `${q.text}`, count: String(r.answered), score: String(r.correct) },
          ...q.options.map((o) => ({
            item: `${q.correct.includes(o.id) ? '[x] ' : '[ ] '}${o.text}`,
            count: String(r.counts[o.id] ?? 0),
            percent: pct(r.counts[o.id] ?? 0, r.answered),
          })),
        ];
      });
    }
  }
}

function answerRows(e: PollExport): Partial<Row>[] {
  const named = e.poll.settings.identity === 'named';
  const def = e.poll.definition;
  const rows = [...e.answers]
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
    .map((a) => ({
      respondent: named ? (a.name ?? '') : '',
      answered_at: a.answeredAt,
      answer: answerText(def, a.answer),
      state: a.openState ?? '',
    }));
  const nick = new Map((e.players ?? []).map((p) => [p.attendeeId, p.nickname]));
  const questionText = new Map(def.type === 'quiz' ? def.questions.map((q) => [q.id, q.text]) : []);
  const quiz = [...(e.quizAnswers ?? [])]
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
    .map((a) => ({
      respondent: nick.get(a.attendeeId) ?? '',
      answered_at: a.answeredAt,
      item: questionText.get(a.questionId) ?? a.questionId,
      answer: answerText(def, { type: 'quiz', questionId: a.questionId, optionIds: a.optionIds }),
      score: String(a.points),
      state: a.correct ? 'correct' : 'wrong',
    }));
  return [...rows, ...quiz];
}

/** CSV of one or more polls: per poll its result rows (row=result) and then its answers (row=answer). */
export function pollsCsv(polls: readonly PollExport[]): string {
  const rows: string[][] = [[...POLLS_CSV_COLUMNS]];
  for (const e of [...polls].sort((a, b) => a.poll.position - b.poll.position)) {
    const base: Partial<Row> = {
      poll_id: e.poll.id,
      poll_position: String(e.poll.position + 1),
      poll_type: e.poll.definition.type,
      question: e.poll.definition.question,
      status: e.poll.status,
    };
    const add = (kind: 'result' | 'answer', r: Partial<Row>) =>
      rows.push(POLLS_CSV_COLUMNS.map((c) => defuse(({ ...base, row: kind, ...r } as Partial<Row>)[c] ?? '')));
    resultRows(e).forEach((r) => add('result', r));
    answerRows(e).forEach((r) => add('answer', r));
  }
  return toCsv(rows);
}

/** JSON export: definitions, settings, times, results and answers (names only for named polls). */
export function pollsJson(event: { id: string; code: string; title: string }, polls: readonly PollExport[], exportedAt: Date) {
  return {
    event,
    exportedAt: exportedAt.toISOString(),
    polls: [...polls]
      .sort((a, b) => a.poll.position - b.poll.position)
      .map((e) => {
        const named = e.poll.settings.identity === 'named';
        return {
          id: e.poll.id,
          position: e.poll.position + 1,
          status: e.poll.status,
          definition: e.poll.definition,
          settings: e.poll.settings,
          openedAt: e.poll.openedAt,
          closedAt: e.poll.closedAt,
          responses: e.responses,
          results: e.results,
          answers: e.answers.map((a) => ({
            ...(named ? { name: a.name } : {}),
            answeredAt: a.answeredAt,
            answer: a.answer,
            text: answerText(e.poll.definition, a.answer),
            ...(a.openState ? { state: a.openState } : {}),
          })),
          ...(e.quizAnswers
            ? { quizAnswers: e.quizAnswers.map(({ questionId, optionIds, correct, points, answeredAt }) => ({ questionId, optionIds, correct, points, answeredAt })) }
            : {}),
        };
      }),
  };
}

/** The quiz leaderboard (all players; nicknames are attendee text, so defused). */
export function leaderboardCsv(ranked: readonly RankedPlayer[]): string {
  return toCsv([[...LEADERBOARD_CSV_COLUMNS], ...ranked.map((p) => [String(p.rank), defuse(p.nickname), String(p.score), String(p.correct)])]);
}
