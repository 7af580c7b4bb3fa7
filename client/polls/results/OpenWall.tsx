/** The wall of open-text answers (approved ones for attendees and the stage; staff pass what they want shown). */
import { useTranslation } from 'react-i18next';
import type { OpenEntry } from '../../../shared/polls/schemas.js';

export function OpenWall({ entries, label }: { entries: readonly OpenEntry[]; label?: string }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="hint">{t('polls.open.empty')}</p>;
  return (
    <ul className="poll-wall" aria-label={label ?? t('polls.open.wall')} aria-live="polite" aria-relevant="additions">
      {entries.map((e) => (
        <li key={e.id} className="poll-wall-card">
          <p className="poll-wall-text">{e.text}</p>
          {e.name && <p className="poll-wall-name">{e.name}</p>}
        </li>
      ))}
    </ul>
  );
}
