/** The group's shared result: everyone in the group types into it; nobody's text is lost (see shared-text.ts). */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../../shared/breakouts/schemas.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { useSharedResult } from './useSharedResult.js';

export const RESULT_MAX = 10_000;

export function ResultEditor({ roundId, group }: { roundId: string; group: GroupView }) {
  const { t } = useTranslation();
  const field = useRef<HTMLTextAreaElement>(null);
  const { value, onChange, saveState, error } = useSharedResult(roundId, group, field);
  const fieldId = useId();
  const hintId = useId();
  const stateId = useId();

  return (
    <div className="result-editor">
      <label htmlFor={fieldId} className="field-label">
        {t('breakouts.result.label')}
      </label>
      <p id={hintId} className="hint">
        {t('breakouts.result.hint')}
      </p>
      <textarea
        ref={field}
        id={fieldId}
        rows={6}
        maxLength={RESULT_MAX}
        value={value}
        aria-describedby={`${hintId} ${stateId}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={stateId} className={`save-state is-${saveState}`}>
        {saveState === 'saving' && <span className="spinner" aria-hidden="true" />}
        {t(`breakouts.result.state.${saveState}`)}
      </p>
      <ErrorText error={error} context="result" />
    </div>
  );
}
