/** After a round: the own group's result stays readable ("Ergebnis eurer Gruppe"), read-only. */
import { useTranslation } from 'react-i18next';
import type { GroupView, RoundView } from '../../../shared/breakouts/schemas.js';

export function LastResult({ round, group }: { round: RoundView; group: GroupView }) {
  const { t } = useTranslation();
  const headingId = `last-result-${round.id}`;
  return (
    <section className="card last-result" aria-labelledby={headingId}>
      <p className="eyebrow">{t('breakouts.attendee.eyebrow', { number: round.number })}</p>
      <h2 id={headingId}>{t('breakouts.attendee.lastResult', { group: group.name })}</h2>
      {group.result.trim() ? <p className="last-result-text">{group.result}</p> : <p className="hint">{t('breakouts.attendee.lastResultEmpty')}</p>}
    </section>
  );
}
