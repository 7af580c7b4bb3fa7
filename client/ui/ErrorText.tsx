/** An error message read out by screen readers as soon as it appears. */
import { useTranslation } from 'react-i18next';
import { errorMessage, type ErrorLike } from '../i18n/errors.js';

export function ErrorText({ error, context, id }: { error: ErrorLike | null | undefined; context?: string; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error-text" role="alert" id={id}>
      <span aria-hidden="true">⚠ </span>
      {errorMessage(t, error, context)}
    </p>
  );
}
