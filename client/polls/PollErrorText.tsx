/** A refusal, read out as soon as it appears. */
import { useTranslation } from 'react-i18next';
import { pollErrorMessage } from './errors.js';
import type { PollErrorLike } from './types.js';

export function PollErrorText({ error, context, id }: { error: PollErrorLike | null | undefined; context?: string; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error-text" role="alert" id={id}>
      <span aria-hidden="true">⚠ </span>
      {pollErrorMessage(t, error, context)}
    </p>
  );
}
