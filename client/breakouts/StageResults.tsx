/** The stage during a results review: every group's name and result of one round, in large columns. */
import { useTranslation } from 'react-i18next';
import type { RoundView } from '../../shared/breakouts/schemas.js';
import './breakouts.css';

export function StageResults({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  return (
    <section className="stage-results" aria-labelledby="stage-results-heading">
      <h2 id="stage-results-heading" className="stage-results-title">
        {t('breakouts.stage.heading', { number: round.number })}
      </h2>
      <ul className="stage-results-grid">
        {round.groups.map((g) => (
          <li key={g.index} className="stage-result">
            <h3 className="stage-result-name">{g.name}</h3>
            {g.topic && <p className="stage-result-topic">{g.topic}</p>}
            <p className="stage-result-text">{g.result.trim() || t('breakouts.results.empty')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
