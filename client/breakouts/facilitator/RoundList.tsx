/** Every round of the event with its state; choosing one shows it below. */
import { useTranslation } from 'react-i18next';
import type { RoundView } from '../../../shared/breakouts/schemas.js';

export function RoundList({ rounds, selected, onSelect }: { rounds: readonly RoundView[]; selected: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  if (rounds.length === 0) return <p className="empty">{t('breakouts.rounds.none')}</p>;
  return (
    <nav aria-label={t('breakouts.rounds.heading')}>
      <ol className="round-list">
        {rounds.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className={`round-tab is-${r.status}`}
              aria-current={r.id === selected ? 'true' : undefined}
              onClick={() => onSelect(r.id)}
            >
              <span className="round-tab-title">{t('breakouts.round.title', { number: r.number })}</span>
              <span className="round-tab-status">{t(`breakouts.status.${r.status}`)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
