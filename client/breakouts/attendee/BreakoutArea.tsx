/**
 * What the attendee page shows of breakout rounds: during one, the own group (or, in a self-select round,
 * the groups to choose from); between rounds, the result of the own group in the last closed round.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { activeRound, groupHelp, groupOf, lastClosedGroup } from '../selectors.js';
import { LastResult } from './LastResult.js';
import { GroupCard } from './GroupCard.js';
import { GroupChooser } from './GroupChooser.js';
import '../breakouts.css';

export function BreakoutArea() {
  const { t } = useTranslation();
  const meId = useEventState((s) => s.synced.me?.id ?? null);
  const rounds = useEventState((s) => s.synced.breakouts.rounds);
  const round = useMemo(() => activeRound(rounds), [rounds]);
  const help = useEventState((s) => s.synced.breakouts.help);
  if (!meId) return null;
  if (!round) {
    const last = lastClosedGroup(rounds, meId);
    return last ? <LastResult round={last.round} group={last.group} /> : null;
  }
  const group = groupOf(round, meId);
  if (group) {
    return (
      <GroupCard
        key={`${round.id}:${group.index}`}
        round={round}
        group={group}
        meId={meId}
        help={groupHelp(help, round.id, group.index)}
      />
    );
  }
  if (round.mode === 'self' && round.status === 'running') return <GroupChooser round={round} />;
  return (
    <section className="card" aria-labelledby="no-group-heading">
      <h2 id="no-group-heading">{t('breakouts.attendee.noGroupTitle', { number: round.number })}</h2>
      <p>{t('breakouts.attendee.noGroup')}</p>
    </section>
  );
}
