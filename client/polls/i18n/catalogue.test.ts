/**
 * What only polls know: every error code, import problem, type and review state has a message. The generic
 * checks (same keys in both languages, placeholders, plurals, keys the code names) run over every registered
 * catalogue in client/i18n/catalogues.test.ts.
 */
import { flattenCatalogue, type CatalogueTree } from '../../testing/catalogue.js';
import { describe, expect, it } from 'vitest';
import { ImportIssueCode, POLL_ERROR_CODES, PollType } from '../../../shared/polls/schemas.js';
import de from './de.json';

const flatDe = flattenCatalogue(de as CatalogueTree);
const base = new Set([...flatDe.keys()].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));

describe('polls catalogues', () => {
  it('have a message for every error code, import problem, type and review state', () => {
    const needed = [
      ...POLL_ERROR_CODES.map((c) => `polls.errors.${c}`),
      ...ImportIssueCode.options.map((c) => `polls.import.issue.${c}`),
      ...PollType.options.flatMap((t) => [`polls.type.${t}`, `polls.typeHint.${t}`]),
      ...['pending', 'approved', 'rejected'].map((s) => `polls.open.state.${s}`),
      ...['live', 'afterClose', 'hidden'].map((s) => `polls.editor.resultsOption.${s}`),
      ...['question', 'optionText', 'options', 'items', 'maxSelections', 'quizText', 'quizOptionText', 'quizOptions', 'correct', 'timer', 'other'].map((k) => `polls.editor.problem.${k}`),
    ];
    expect(needed.filter((k) => !base.has(k))).toEqual([]);
  });
});
