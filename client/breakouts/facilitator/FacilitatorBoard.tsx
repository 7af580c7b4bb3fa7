/**
 * The facilitator's workspace: the rounds (list, the chosen one with its controls and groups, a form for
 * new ones) and the side panels (help requests, people in the plenary, roster import, attendee fields).
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState, useSend } from '../../kernel/react.js';
import { AttendeeFieldsEditor } from '../AttendeeFieldsEditor.js';
import { defaultRoundId, nameIndex, sortedRounds } from '../selectors.js';
import { HelpList } from './HelpList.js';
import { PeoplePanel } from './PeoplePanel.js';
import { PlanForm } from './PlanForm.js';
import { RosterImport } from './RosterImport.js';
import { RoundList } from './RoundList.js';
import { RoundPanel } from './RoundPanel.js';
import { RunningControls } from './RoundControls.js';
import { Button } from '../../ui/Button.js';

export function FacilitatorBoard({ token }: { token: string | undefined }) {
  const { t } = useTranslation();
  const roundsById = useEventState((s) => s.synced.breakouts.rounds);
  const people = useEventState((s) => s.synced.people.people);
  const event = useEventState((s) => s.synced.event);
  const role = useEventState((s) => s.synced.me?.role);
  const send = useSend();
  const rounds = useMemo(() => sortedRounds(roundsById), [roundsById]);
  const names = useMemo(() => nameIndex(people, rounds), [people, rounds]);
  const nameOf = useCallback(
    (id: string) => names.get(id) ?? t('breakouts.unnamedId', { id: id.slice(-4) }),
    [names, t],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The chosen round may have been discarded meanwhile; then the panel falls back to the one that matters now.
  const current = (chosen && roundsById[chosen]) || (() => {
    const id = defaultRoundId(rounds);
    return id ? roundsById[id] : undefined;
  })();

  const running = rounds.find((r) => r.status === 'running' || r.status === 'closing');

  const toggle = useCallback((id: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  return (
    <div className="mod-layout facilitator-layout">
      <div className="mod-main">
        <section className="rounds-section" aria-labelledby="rounds-heading">
          <h2 id="rounds-heading">{t('breakouts.rounds.heading')}</h2>
          <RoundList rounds={rounds} selected={current?.id ?? null} onSelect={setChosen} />
        </section>
        {running && running.id !== current?.id && (
          // Planning the next round must not hide the one that runs: its clock and controls stay pinned.
          <section className="card pinned-round" aria-labelledby="pinned-round-heading">
            <h2 id="pinned-round-heading">
              {t('breakouts.round.pinned', { number: running.number })}{' '}
              <span className={`badge badge-round-${running.status}`}>{t(`breakouts.status.${running.status}`)}</span>
            </h2>
            <RunningControls round={running} />
            <Button size="sm" variant="ghost" onClick={() => setChosen(running.id)}>
              {t('breakouts.round.openRunning')}
            </Button>
          </section>
        )}
        {current && <RoundPanel key={current.id} round={current} nameOf={nameOf} people={people} />}
        <PlanForm selected={selected} onClearSelection={() => setSelected(new Set())} nameOf={nameOf} onPlanned={setChosen} />
      </div>
      <div className="mod-side">
        <HelpList />
        <PeoplePanel selected={selected} onToggle={toggle} />
        {event && <RosterImport eventId={event.id} token={token} />}
        {event && role === 'organizer' && (
          <section className="card" aria-labelledby="fields-heading">
            <h2 id="fields-heading">{t('breakouts.fields.heading')}</h2>
            <AttendeeFieldsEditor
              settings={event.settings}
              onSave={async (patch) => {
                const ack = await send('event:settings', patch);
                return ack.ok ? null : ack.error;
              }}
            />
          </section>
        )}
      </div>
    </div>
  );
}
