/** Self-select rounds: the groups with their free places; joining one is a single button. */
import { useTranslation } from 'react-i18next';
import type { RoundView } from '../../../shared/breakouts/schemas.js';
import { useCommands } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { RoundClock } from '../RoundClock.js';

export function GroupChooser({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const { run, busyKey, error } = useCommands();
  return (
    <section className="card group-card" aria-labelledby="choose-heading">
      <p className="eyebrow">{t('breakouts.attendee.eyebrow', { number: round.number })}</p>
      <h2 id="choose-heading">{t('breakouts.choose.heading')}</h2>
      <p>{t('breakouts.choose.lead')}</p>
      <RoundClock round={round} />
      <ul className="choose-list">
        {round.groups.map((g) => {
          const free = g.capacity === null ? null : Math.max(0, g.capacity - g.members.length);
          const full = free === 0;
          return (
            <li key={g.index} className="choose-item">
              <div>
                <p className="choose-name">{g.name}</p>
                {g.topic && <p className="choose-topic">{g.topic}</p>}
                <p className="hint">
                  {free === null
                    ? t('breakouts.choose.members', { count: g.members.length })
                    : full
                      ? t('breakouts.choose.full')
                      : t('breakouts.choose.free', { count: free })}
                </p>
              </div>
              <Button
                variant="primary"
                disabled={full}
                busy={busyKey === `g${g.index}`}
                onClick={() => void run(`g${g.index}`, 'breakouts:choose', { roundId: round.id, index: g.index })}
              >
                {t('breakouts.choose.join', { name: g.name })}
              </Button>
            </li>
          );
        })}
      </ul>
      <ErrorText error={error?.error} context="choose" />
    </section>
  );
}
