/** Messages the facilitators broadcast to every group, newest last; new ones are read out. */
import { useTranslation } from 'react-i18next';
import type { BreakoutMessage } from '../../../shared/breakouts/schemas.js';
import { formatTime } from '../../ui/format.js';

export function Messages({ messages }: { messages: readonly BreakoutMessage[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`broadcasts${messages.length ? '' : ' is-empty'}`}>
      {messages.length > 0 && <h3 className="broadcasts-title">{t('breakouts.messages.heading')}</h3>}
      <div role="log" aria-label={t('breakouts.messages.heading')}>
        <ol className="broadcast-list">
          {messages.map((m) => (
            <li key={m.id} className="broadcast">
              <span className="broadcast-time">{formatTime(m.at, i18n.language)}</span> {m.text}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
