/**
 * What the attendee page shows of breakout rounds: nothing between rounds; during one, the own group
 * (or, in a self-select round, the groups to choose from).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { activeRound, groupOf } from '../selectors.js';
import { GroupCard } from './GroupCard.js';
import { GroupChooser } from './GroupChooser.js';
import '../breakouts.css';

export function BreakoutArea() {
  const { t } = useTranslation();
  const meId = useEventState((s) => s.synced.me?.id ?? null);
  const rounds = useEventState((s) => s.synced.breakouts.rounds);
  const round = useMemo(() => activeRound(rounds), [rounds]);
  // Help asked in this round (the server tells only facilitators what happens to the request).
  const [helpFor, setHelpFor] = useState<string | null>(null);
  if (!round || !meId) return null;
  const group = groupOf(round, meId);
  if (group) {
    return (
      <GroupCard
        key={`${round.id}:${group.index}`}
        round={round}
        group={group}
        meId={meId}
        helpSent={helpFor === round.id}
        onHelpSent={() => setHelpFor(round.id)}
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
