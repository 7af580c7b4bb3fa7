/**
 * The moderator's poll editor: type, question, per-type fields (options 2–12, max selections, rating
 * scale and end labels, words per person, review, ranking items 2–10, quiz questions with correct answers
 * and a timer each) and the settings. `onSubmit(draft)` receives a valid PollDraft (checked with the
 * shared schema before sending); refusals from the server are shown in words.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS } from '../../../shared/polls/limits.js';
import { PollType, type PollDraft, type PollDraftInput, type ResultsVisibility } from '../../../shared/polls/schemas.js';
import { Button } from '../../ui/Button.js';
import { CharCounter } from '../CharCounter.js';
import { PollErrorText } from '../PollErrorText.js';
import type { PollAck } from '../types.js';
import { useSubmit } from '../useSubmit.js';
import { blankQuestion, emptyState, fromDraft, validate, type EditorQuizQuestion, type EditorState, type Problem } from './editor-state.js';
import { OptionList } from './OptionList.js';

export interface PollEditorProps {
  /** Editing an existing poll (or a duplicate); omitted for a new one. */
  initial?: PollDraftInput;
  onSubmit(draft: PollDraft): Promise<PollAck<object>>;
  onCancel?(): void;
  /** The definition cannot change (the poll is open or has answers): only settings are editable. */
  settingsOnly?: boolean;
}

export function PollEditor({ initial, onSubmit, onCancel, settingsOnly = false }: PollEditorProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const [s, setS] = useState<EditorState>(() => (initial ? fromDraft(initial) : emptyState()));
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = useSubmit(onSubmit);
  const update = (patch: Partial<EditorState>) => setS((prev) => ({ ...prev, ...patch }));
  const settings = (patch: Partial<EditorState['settings']>) => setS((prev) => ({ ...prev, settings: { ...prev.settings, ...patch } }));
  const problemText = (p: Problem) => t(`polls.editor.problem.${p.key}`, { ...p, min: POLL_LIMITS.optionsMin, max: p.key === 'items' ? POLL_LIMITS.rankingItemsMax : POLL_LIMITS.optionsMax });
  const quiz = s.type === 'quiz';

  return (
    <form
      className="poll-editor stack"
      noValidate
      aria-labelledby={`${baseId}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        const result = validate(s);
        if (!result.ok) {
          setProblems(result.problems);
          return;
        }
        setProblems([]);
        await submit.run(result.draft);
      }}
    >
      <h2 id={`${baseId}-title`}>{initial ? t('polls.editor.editTitle') : t('polls.editor.newTitle')}</h2>
      <fieldset disabled={settingsOnly} className="poll-editor-definition">
        <legend className="sr-only">{t('polls.editor.definition')}</legend>
        {settingsOnly && <p className="notice notice-quiet">{t('polls.editor.settingsOnly')}</p>}
        <div className="field">
          <label htmlFor={`${baseId}-type`}>{t('polls.editor.type')}</label>
          <select id={`${baseId}-type`} value={s.type} onChange={(e) => update({ type: e.target.value as PollType })}>
            {PollType.options.map((type) => (
              <option key={type} value={type}>
                {t(`polls.type.${type}`)}
              </option>
            ))}
          </select>
          <p className="hint">{t(`polls.typeHint.${s.type}`)}</p>
        </div>
        <div className="field">
          <label htmlFor={`${baseId}-q`}>{quiz ? t('polls.editor.quizTitle') : t('polls.editor.question')}</label>
          <textarea
            id={`${baseId}-q`}
            rows={2}
            value={s.question}
            maxLength={POLL_LIMITS.questionMax}
            aria-invalid={problems.some((p) => p.key === 'question') || undefined}
            aria-describedby={`${baseId}-q-count`}
            onChange={(e) => update({ question: e.target.value })}
          />
          <CharCounter id={`${baseId}-q-count`} length={s.question.trim().length} max={POLL_LIMITS.questionMax} />
        </div>

        {(s.type === 'single' || s.type === 'multiple') && (
          <OptionList
            options={s.options}
            onChange={(options) => update({ options })}
            min={POLL_LIMITS.optionsMin}
            max={POLL_LIMITS.optionsMax}
            legend={t('polls.editor.options')}
            itemLabel={(n) => t('polls.editor.option', { n })}
          />
        )}
        {s.type === 'multiple' && (
          <div className="field">
            <label htmlFor={`${baseId}-max`}>{t('polls.editor.maxSelections')}</label>
            <input
              id={`${baseId}-max`}
              type="number"
              min={1}
              max={s.options.length}
              value={s.maxSelections || ''}
              onChange={(e) => update({ maxSelections: Math.max(0, Math.trunc(Number(e.target.value)) || 0) })}
            />
          </div>
        )}
        {s.type === 'rating' && (
          <>
            <fieldset>
              <legend>{t('polls.editor.scale')}</legend>
              {([5, 10] as const).map((scale) => (
                <label key={scale} className="check">
                  <input type="radio" name={`${baseId}-scale`} checked={s.scale === scale} onChange={() => update({ scale })} />
                  {t(`polls.editor.scale${scale}`)}
                </label>
              ))}
            </fieldset>
            <div className="poll-editor-row">
              <div className="field">
                <label htmlFor={`${baseId}-low`}>{t('polls.editor.lowLabel')}</label>
                <input id={`${baseId}-low`} type="text" maxLength={POLL_LIMITS.ratingLabelMax} value={s.lowLabel} onChange={(e) => update({ lowLabel: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${baseId}-high`}>{t('polls.editor.highLabel')}</label>
                <input id={`${baseId}-high`} type="text" maxLength={POLL_LIMITS.ratingLabelMax} value={s.highLabel} onChange={(e) => update({ highLabel: e.target.value })} />
              </div>
            </div>
          </>
        )}
        {s.type === 'wordcloud' && (
          <div className="field">
            <label htmlFor={`${baseId}-words`}>{t('polls.editor.maxWords')}</label>
            <select id={`${baseId}-words`} value={s.maxWords} onChange={(e) => update({ maxWords: Number(e.target.value) })}>
              {[1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        )}
        {s.type === 'open' && (
          <label className="check">
            <input type="checkbox" checked={s.review} onChange={(e) => update({ review: e.target.checked })} />
            {t('polls.editor.review')}
          </label>
        )}
        {s.type === 'ranking' && (
          <OptionList
            options={s.options.slice(0, POLL_LIMITS.rankingItemsMax)}
            onChange={(options) => update({ options })}
            min={POLL_LIMITS.rankingItemsMin}
            max={POLL_LIMITS.rankingItemsMax}
            legend={t('polls.editor.items')}
            itemLabel={(n) => t('polls.editor.item', { n })}
          />
        )}
        {quiz && <QuizQuestionsEditor questions={s.questions} onChange={(questions) => update({ questions })} />}
      </fieldset>

      <fieldset className="poll-editor-settings">
        <legend>{t('polls.editor.settings')}</legend>
        <fieldset>
          <legend>{t('polls.editor.results')}</legend>
          {(['live', 'afterClose', 'hidden'] as ResultsVisibility[]).map((v) => (
            <label key={v} className="check">
              <input type="radio" name={`${baseId}-results`} checked={s.settings.results === v} onChange={() => settings({ results: v })} />
              {t(`polls.editor.resultsOption.${v}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('polls.editor.identity')}</legend>
          {(['anonymous', 'named'] as const).map((v) => (
            <label key={v} className="check">
              <input type="radio" name={`${baseId}-identity`} checked={s.settings.identity === v} onChange={() => settings({ identity: v })} />
              {t(`polls.editor.identityOption.${v}`)}
            </label>
          ))}
        </fieldset>
        {!quiz && (
          <>
            <label className="check">
              <input type="checkbox" checked={s.settings.allowChange} onChange={(e) => settings({ allowChange: e.target.checked })} />
              {t('polls.editor.allowChange')}
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={s.settings.timerSec !== null}
                onChange={(e) => settings({ timerSec: e.target.checked ? 60 : null })}
              />
              {t('polls.editor.timer')}
            </label>
            {s.settings.timerSec !== null && (
              <div className="field">
                <label htmlFor={`${baseId}-timer`}>{t('polls.editor.timerSec', { min: POLL_LIMITS.timerMinSec, max: POLL_LIMITS.timerMaxSec })}</label>
                <input
                  id={`${baseId}-timer`}
                  type="number"
                  min={POLL_LIMITS.timerMinSec}
                  max={POLL_LIMITS.timerMaxSec}
                  value={s.settings.timerSec || ''}
                  onChange={(e) => settings({ timerSec: Number(e.target.value) || 0 })}
                />
              </div>
            )}
          </>
        )}
      </fieldset>

      {problems.length > 0 && (
        <div className="error-text" role="alert">
          <p>{t('polls.editor.fix')}</p>
          <ul>
            {problems.map((p) => (
              <li key={JSON.stringify(p)}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
      <PollErrorText error={submit.error} context="editor" />
      <div className="actions">
        <Button type="submit" variant="primary" busy={submit.busy}>
          {t('polls.editor.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('polls.editor.cancel')}</Button>}
      </div>
    </form>
  );
}

function QuizQuestionsEditor({ questions, onChange }: { questions: readonly EditorQuizQuestion[]; onChange(q: EditorQuizQuestion[]): void }) {
  const { t } = useTranslation();
  const baseId = useId();
  const set = (i: number, patch: Partial<EditorQuizQuestion>) => onChange(questions.map((q, k) => (k === i ? { ...q, ...patch } : q)));
  const move = (i: number, to: number) => {
    const out = [...questions];
    const [q] = out.splice(i, 1);
    out.splice(to, 0, q!);
    onChange(out);
  };
  return (
    <div className="poll-editor-quiz">
      <p className="hint">{t('polls.quiz.rule')}</p>
      <ol className="poll-editor-list">
        {questions.map((q, i) => {
          const id = `${baseId}-${q.id}`;
          const n = i + 1;
          return (
            <li key={q.id} className="poll-editor-quiz-question card">
              <fieldset>
                <legend>{t('polls.editor.quizQuestion', { n })}</legend>
                <div className="field">
                  <label htmlFor={`${id}-text`}>{t('polls.editor.quizQuestionText', { n })}</label>
                  <textarea id={`${id}-text`} rows={2} value={q.text} maxLength={POLL_LIMITS.questionMax} onChange={(e) => set(i, { text: e.target.value })} />
                </div>
                <OptionList
                  options={q.options}
                  onChange={(options) => set(i, { options, correct: q.correct.filter((c) => options.some((o) => o.id === c)) })}
                  min={POLL_LIMITS.optionsMin}
                  max={POLL_LIMITS.optionsMax}
                  legend={t('polls.editor.quizOptions', { n })}
                  correct={q.correct}
                  onCorrect={(correct) => set(i, { correct })}
                  itemLabel={(m) => t('polls.editor.quizOption', { n, m })}
                />
                <div className="field">
                  <label htmlFor={`${id}-time`}>{t('polls.editor.quizTime', { n, min: POLL_LIMITS.quizTimerMinSec, max: POLL_LIMITS.quizTimerMaxSec })}</label>
                  <input
                    id={`${id}-time`}
                    type="number"
                    min={POLL_LIMITS.quizTimerMinSec}
                    max={POLL_LIMITS.quizTimerMaxSec}
                    value={q.timeLimitSec || ''}
                    onChange={(e) => set(i, { timeLimitSec: Number(e.target.value) || 0 })}
                  />
                </div>
                <div className="actions">
                  <button type="button" className="btn btn-ghost btn-sm" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    {t('polls.editor.quizUp', { n })}
                  </button>
                  <button type="button" className="btn btn-ghost btn-sm" disabled={i === questions.length - 1} onClick={() => move(i, i + 1)}>
                    {t('polls.editor.quizDown', { n })}
                  </button>
                  <button type="button" className="btn btn-ghost btn-sm" disabled={questions.length <= 1} onClick={() => onChange(questions.filter((_, k) => k !== i))}>
                    {t('polls.editor.quizRemove', { n })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        disabled={questions.length >= POLL_LIMITS.quizQuestionsMax}
        onClick={() => onChange([...questions, blankQuestion(questions)])}
      >
        {t('polls.editor.addQuestion')}
      </button>
    </div>
  );
}
