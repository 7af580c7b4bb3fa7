/** One round in the panel: its state, the controls for that state, the groups, and the engine's report. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundView } from '../../../shared/breakouts/schemas.js';
import type { PersonView } from '../../../shared/people/index.js';
import { loadOnAirActions } from '../../stage/index.js';
import { GroupBoard } from './GroupBoard.js';
import { ReportView } from './ReportView.js';
import { ClosedControls, DraftControls, ResultsList, RunningControls } from './RoundControls.js';

const OnAirActions = lazy(loadOnAirActions);

export function RoundPanel({ round, nameOf, people }: {
  round: RoundView;
  nameOf(id: string): string;
  people: Readonly<Record<string, PersonView>>;
}) {
  const { t } = useTranslation();
  const members = round.groups.reduce((n, g) => n + g.members.length, 0);
  return (
    <section className="card round-panel" aria-labelledby={`round-${round.id}`}>
      <div className="round-head">
        <h2 id={`round-${round.id}`}>{t('breakouts.round.title', { number: round.number })}</h2>
        <span className={`badge badge-round-${round.status}`}>{t(`breakouts.status.${round.status}`)}</span>
      </div>
      <p className="hint">
        {t(`breakouts.mode.${round.mode}`)} · {t('breakouts.round.groups', { count: round.groups.length })} ·{' '}
        {t('breakouts.round.people', { count: members })}
      </p>
      {round.status === 'draft' && <DraftControls round={round} />}
      {(round.status === 'running' || round.status === 'closing') && <RunningControls round={round} />}
      {round.status === 'closed' && <ClosedControls round={round} />}
      <Suspense fallback={null}>
        <OnAirActions item={{ kind: 'round', roundId: round.id }} label={t('breakouts.round.title', { number: round.number })} />
      </Suspense>
      {(round.status === 'draft' || round.status === 'running') && <ReportView round={round} nameOf={nameOf} />}
      <h3>{round.status === 'closed' ? t('breakouts.results.heading') : t('breakouts.round.groupsHeading')}</h3>
      {round.status === 'closed' ? (
        <ResultsList round={round} />
      ) : (
        <GroupBoard round={round} nameOf={nameOf} people={people} editable />
      )}
    </section>
  );
}
