/**
 * "Load older answered questions (n more)": the snapshot holds the newest 50 answered questions; each
 * press asks `qa:answeredPage` for the next 50 before the oldest one held (the ack adds them to the slice).
 * Used by the attendee's and the moderator's lists.
 */
import { useTranslation } from 'react-i18next';
import { useEventState } from '../kernel/react.js';
import { useCommand } from '../kernel/useCommand.js';
import { ErrorText } from '../ui/ErrorText.js';

export function OlderAnswered() {
  const { t } = useTranslation();
  const older = useEventState((s) => s.synced.qa.answeredOlder);
  const cursor = useEventState((s) => s.synced.qa.answeredCursor);
  const page = useCommand('qa:answeredPage');
  if (older <= 0 || !cursor) return null;
  return (
    <div className="older-answered">
      <button
        type="button"
        className="btn btn-secondary"
        aria-busy={page.busy || undefined}
        onClick={() => {
          if (!page.busy) void page.run({ before: cursor });
        }}
      >
        {page.busy ? t('qa.olderAnswered.loading') : t('qa.olderAnswered.load', { count: older })}
      </button>
      <ErrorText error={page.error} />
    </div>
  );
}
