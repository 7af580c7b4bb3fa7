/** The engine's report under a planned round: repeated encounters, group sizes, broken rules, in words. */
import { useTranslation } from 'react-i18next';
import type { RoundView } from '../../../shared/breakouts/schemas.js';
import { describeReport } from './report.js';

export function ReportView({ round, nameOf }: { round: RoundView; nameOf(id: string): string }) {
  const { t } = useTranslation();
  if (!round.report) return null;
  const lines = describeReport(round.report, round, nameOf);
  return (
    <section className="report" aria-labelledby={`report-${round.id}`}>
      <h3 id={`report-${round.id}`}>{t('breakouts.report.heading')}</h3>
      <ul className="report-list">
        {lines.map((line, i) => (
          <li key={i} className={`report-line is-${line.tone}`}>
            <span aria-hidden="true">{line.tone === 'ok' ? '✓ ' : '⚠ '}</span>
            {t(`breakouts.report.${line.key}`, line.values)}
          </li>
        ))}
      </ul>
    </section>
  );
}
