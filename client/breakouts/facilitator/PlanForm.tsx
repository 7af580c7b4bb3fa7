/**
 * "New round": group count or size, mode, rounds to plan up front, duration, constraints from the
 * people selected in the plenary list, group names/topics and a video link template. Emits one
 * `breakouts:plan`; the drafts it creates appear in the round list for preview and changes. The form is
 * kept on the server per event (saved a moment after each change and when planning), so a reload or a
 * second facilitator finds it as left.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutMode } from '../../../shared/breakouts/schemas.js';
import { useEventState } from '../../kernel/react.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { Progress } from '../../ui/Progress.js';
import { attributeChoices } from '../selectors.js';
import { defaultPlanValues, planPayload, type PlanField, type PlanFormValues } from './plan-form.js';

const MODES: readonly BreakoutMode[] = ['mix', 'random', 'spread', 'self'];
const NO_FIELDS: never[] = [];
/** Typing pauses this long before the form is saved on the server. */
const SAVE_AFTER_MS = 800;

export function PlanForm({ selected, onClearSelection, nameOf, onPlanned }: {
  selected: ReadonlySet<string>;
  onClearSelection(): void;
  nameOf(id: string): string;
  onPlanned(roundId: string): void;
}) {
  const { t } = useTranslation();
  const plan = useCommand('breakouts:plan');
  const fields = useEventState((s) => s.synced.event?.settings.attendeeFields ?? NO_FIELDS);
  const people = useEventState((s) => s.synced.people.people);
  const hasDrafts = useEventState((s) => Object.values(s.synced.breakouts.rounds).some((r) => r.status === 'draft'));
  const online = useMemo(() => Object.values(people).filter((p) => p.online).length, [people]);
  const absent = useMemo(() => Object.values(people).filter((p) => p.invited && !p.online).length, [people]);
  const attributes = useMemo(() => attributeChoices(fields, people), [fields, people]);
  const saved = useEventState((s) => s.synced.breakouts.planSettings);
  const save = useCommand('breakouts:planSettings');
  const [values, setValues] = useState<PlanFormValues>(() => saved ?? defaultPlanValues);
  // Edited here and not saved yet: what the server sends meanwhile must not overwrite the typing.
  const dirty = useRef(false);
  useEffect(() => {
    if (saved && !dirty.current) setValues(saved);
  }, [saved]);
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => {
      if (!dirty.current) return;
      dirty.current = false;
      void save.run({ settings: values });
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
    // Only a change of the values starts the wait; `save` changes with every render.
  }, [values]);
  const [showProblems, setShowProblems] = useState(false);
  const id = useId();
  const check = planPayload(values);
  const problems = check.ok ? {} : check.problems;
  const set = (patch: Partial<PlanFormValues>) => {
    dirty.current = true;
    setValues((v) => ({ ...v, ...patch }));
  };

  const problem = (field: PlanField) =>
    showProblems && problems[field] ? (
      <p className="error-text" id={`${id}-${field}-err`}>
        {t(`breakouts.plan.invalid.${problems[field]}`)}
      </p>
    ) : null;
  const invalidProps = (field: PlanField) =>
    showProblems && problems[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-err` } : {};

  const addSet = (kind: 'apart' | 'together') => {
    if (selected.size < 2) return;
    set({ [kind]: [...values[kind], [...selected]] });
    onClearSelection();
  };
  const removeSet = (kind: 'apart' | 'together', index: number) => set({ [kind]: values[kind].filter((_, i) => i !== index) });

  return (
    <section className="card plan-form" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('breakouts.plan.heading')}</h2>
      <p className="hint">{t('breakouts.plan.who', { count: online })}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setShowProblems(true);
          if (!check.ok) return;
          const ack = await plan.run(check.payload);
          // Planned with these settings: keep them for the next reload, whether or not a save is still waiting.
          dirty.current = false;
          void save.run({ settings: values });
          if (ack.ok) {
            setShowProblems(false);
            const first = ack.rounds[0];
            if (first) onPlanned(first.id);
          }
        }}
      >
        <div className="plan-grid">
          <fieldset>
            <legend>{t('breakouts.plan.shape')}</legend>
            <label className="check">
              <input type="radio" name={`${id}-shape`} checked={values.shape === 'size'} onChange={() => set({ shape: 'size' })} />
              {t('breakouts.plan.bySize')}
            </label>
            <label className="check">
              <input type="radio" name={`${id}-shape`} checked={values.shape === 'groups'} onChange={() => set({ shape: 'groups' })} />
              {t('breakouts.plan.byGroups')}
            </label>
            <label htmlFor={`${id}-count`}>{values.shape === 'size' ? t('breakouts.plan.size') : t('breakouts.plan.groups')}</label>
            <input
              id={`${id}-count`}
              type="number"
              min={1}
              inputMode="numeric"
              value={values.count}
              onChange={(e) => set({ count: e.target.value })}
              {...invalidProps('count')}
            />
            {problem('count')}
          </fieldset>

          <fieldset>
            <legend>{t('breakouts.plan.modeLegend')}</legend>
            {MODES.map((mode) => (
              <label className="check" key={mode}>
                <input type="radio" name={`${id}-mode`} checked={values.mode === mode} onChange={() => set({ mode })} />
                <span>
                  {t(`breakouts.mode.${mode}`)}
                  <span className="hint block">{t(`breakouts.modeHint.${mode}`)}</span>
                </span>
              </label>
            ))}
            {values.mode === 'spread' && (
              <>
                <label htmlFor={`${id}-spread`}>{t('breakouts.plan.spread')}</label>
                <select id={`${id}-spread`} value={values.spread} onChange={(e) => set({ spread: e.target.value })} {...invalidProps('spread')}>
                  <option value="">{t('breakouts.plan.spreadChoose')}</option>
                  {attributes.map((a) => (
                    <option key={a.key} value={a.key}>
                      {a.label}
                    </option>
                  ))}
                </select>
                {attributes.length === 0 && <p className="hint">{t('breakouts.plan.noAttributes')}</p>}
                {problem('spread')}
              </>
            )}
            {values.mode === 'self' && (
              <>
                <label htmlFor={`${id}-cap`}>{t('breakouts.plan.capacity')}</label>
                <input
                  id={`${id}-cap`}
                  type="number"
                  min={1}
                  value={values.capacity}
                  aria-describedby={`${id}-cap-hint`}
                  onChange={(e) => set({ capacity: e.target.value })}
                  {...invalidProps('capacity')}
                />
                <p className="hint" id={`${id}-cap-hint`}>
                  {t('breakouts.plan.capacityHint')}
                </p>
                {problem('capacity')}
              </>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('breakouts.plan.timing')}</legend>
            <label htmlFor={`${id}-rounds`}>{t('breakouts.plan.rounds')}</label>
            <input id={`${id}-rounds`} type="number" min={1} max={20} value={values.rounds} onChange={(e) => set({ rounds: e.target.value })} {...invalidProps('rounds')} />
            {problem('rounds')}
            <label htmlFor={`${id}-minutes`}>{t('breakouts.plan.minutes')}</label>
            <input
              id={`${id}-minutes`}
              type="number"
              min={1}
              max={240}
              value={values.minutes}
              onChange={(e) => set({ minutes: e.target.value })}
              {...invalidProps('minutes')}
            />
            {problem('minutes')}
          </fieldset>

          <fieldset>
            <legend>{t('breakouts.plan.constraints')}</legend>
            <p className="hint">{t('breakouts.plan.constraintsHint', { count: selected.size })}</p>
            <div className="actions">
              <Button size="sm" disabled={selected.size < 2} onClick={() => addSet('apart')}>
                {t('breakouts.plan.addApart')}
              </Button>
              <Button size="sm" disabled={selected.size < 2} onClick={() => addSet('together')}>
                {t('breakouts.plan.addTogether')}
              </Button>
            </div>
            {(['apart', 'together'] as const).map((kind) =>
              values[kind].length > 0 ? (
                <ul key={kind} className="constraint-list" aria-label={t(`breakouts.plan.${kind}List`)}>
                  {values[kind].map((set, i) => {
                    const names = set.map(nameOf).join(', ');
                    return (
                      <li key={i}>
                        <span>{t(`breakouts.plan.${kind}Set`, { names })}</span>{' '}
                        <Button size="sm" variant="ghost" aria-label={t('breakouts.plan.removeSet', { names })} onClick={() => removeSet(kind, i)}>
                          {t('breakouts.plan.remove')}
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              ) : null,
            )}
          </fieldset>

          <fieldset className="field-wide">
            <legend>{t('breakouts.plan.groupsLegend')}</legend>
            <div className="plan-grid">
              <div className="field">
                <label htmlFor={`${id}-names`}>{t('breakouts.plan.names')}</label>
                <textarea id={`${id}-names`} rows={4} value={values.names} aria-describedby={`${id}-lines`} onChange={(e) => set({ names: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-topics`}>{t('breakouts.plan.topics')}</label>
                <textarea id={`${id}-topics`} rows={4} value={values.topics} aria-describedby={`${id}-lines`} onChange={(e) => set({ topics: e.target.value })} />
              </div>
            </div>
            <p className="hint" id={`${id}-lines`}>
              {t('breakouts.plan.linesHint')}
            </p>
            <label htmlFor={`${id}-video`}>{t('breakouts.plan.video')}</label>
            <input
              id={`${id}-video`}
              type="text"
              inputMode="url"
              value={values.videoTemplate}
              placeholder="https://meet.jit.si/plenum-{event}-{round}-{group}"
              aria-describedby={`${id}-video-hint`}
              onChange={(e) => set({ videoTemplate: e.target.value })}
              {...(showProblems && problems.videoTemplate ? { 'aria-invalid': true } : {})}
            />
            <p className="hint" id={`${id}-video-hint`}>
              {t('breakouts.plan.videoHint')}
            </p>
            {problem('videoTemplate')}
          </fieldset>
        </div>
        <label className="check">
          <input type="checkbox" checked={values.includeAbsent} onChange={(e) => set({ includeAbsent: e.target.checked })} />
          {t('breakouts.plan.includeAbsent', { count: absent })}
        </label>
        {hasDrafts && <p className="notice notice-quiet">{t('breakouts.plan.replaces')}</p>}
        <div className="actions">
          <Button type="submit" variant="primary" size="lg" busy={plan.busy}>
            {t('breakouts.plan.submit')}
          </Button>
        </div>
        {plan.busy && <Progress label={t('breakouts.plan.planning')} />}
        <PlanError error={plan.error} nameOf={nameOf} />
      </form>
    </section>
  );
}

/** A refused plan in words: the engine's reason with names instead of ids. */
function PlanError({ error, nameOf }: { error: ReturnType<typeof useCommand<'breakouts:plan'>>['error']; nameOf(id: string): string }) {
  if (!error) return null;
  const params = error.params ? { ...error.params } : undefined;
  if (params) {
    for (const key of ['ids', 'a', 'b', 'id'] as const) {
      const raw = params[key];
      if (typeof raw === 'string') params[key] = raw.split(',').map(nameOf).join(', ');
    }
  }
  return <ErrorText error={{ ...error, ...(params ? { params } : {}) }} context="plan" />;
}
