/**
 * The countdown of a round, against the server clock: time left while the groups meet (with a warning in
 * the last minute), then "back in the plenary in N s" while closing. The digits are a timer (not read
 * out every second); the warning and the call back are announced once each.
 */
import { useTranslation } from 'react-i18next';
import type { RoundView } from '../../shared/breakouts/schemas.js';
import { useServerNow } from './clock.js';
import { clockOf, formatClock } from './selectors.js';

export const WARNING_SECONDS = 60;

export function RoundClock({ round, size = 'lg' }: { round: RoundView; size?: 'lg' | 'xl' }) {
  const { t } = useTranslation();
  const now = useServerNow(round.status === 'running' || round.status === 'closing');
  const clock = clockOf(round, now);
  if (clock.phase === 'over') return null;

  const warning = clock.phase === 'running' && clock.secondsLeft <= WARNING_SECONDS && clock.secondsLeft > 0;
  const timeUp = clock.phase === 'running' && clock.secondsLeft === 0;
  const announcement =
    clock.phase === 'closing' ? t('breakouts.clock.closingAnnounce') : timeUp ? t('breakouts.clock.timeUp') : warning ? t('breakouts.clock.oneMinute') : '';

  return (
    <div className={`round-clock size-${size}${warning || timeUp ? ' is-warning' : ''}${clock.phase === 'closing' ? ' is-closing' : ''}`}>
      {clock.phase === 'running' ? (
        <>
          <p className="round-clock-label" id={`clock-${round.id}`}>
            {t('breakouts.clock.left')}
          </p>
          <p className="round-clock-digits mono" role="timer" aria-labelledby={`clock-${round.id}`}>
            {formatClock(clock.secondsLeft)}
          </p>
        </>
      ) : (
        <p className="round-clock-closing" role="timer">
          {t('breakouts.clock.backIn', { count: clock.secondsLeft })}
        </p>
      )}
      <p className={`round-clock-note${announcement && clock.phase === 'running' ? '' : ' sr-only'}`} role="status">
        {announcement}
      </p>
    </div>
  );
}
