/** What the facilitator can do with a round in its current state: start, run (extend, message, close), show results. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, resultsCsv, resultsMarkdown } from './export.js';
import type { RoundView } from '../../../shared/breakouts/schemas.js';
import { useEventState } from '../../kernel/react.js';
import { useCommand, useCommands } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { Progress } from '../../ui/Progress.js';
import { useFleeting } from '../../ui/useFleeting.js';
import { Messages } from '../attendee/Messages.js';
import { RoundClock } from '../RoundClock.js';

export function DraftControls({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const { run, busyKey, error } = useCommands();
  const [minutes, setMinutes] = useState(String(Math.round(round.durationSec / 60)));
  const id = useId();
  const activeElsewhere = useEventState((s) =>
    Object.values(s.synced.breakouts.rounds).some((r) => r.id !== round.id && (r.status === 'running' || r.status === 'closing')),
  );
  const m = Number(minutes);
  const minutesOk = Number.isInteger(m) && m >= 1 && m <= 240;

  return (
    <div className="round-controls">
      <div className="field duration-field">
        <label htmlFor={`${id}-min`}>{t('breakouts.controls.duration')}</label>
        <input
          id={`${id}-min`}
          type="number"
          min={1}
          max={240}
          value={minutes}
          aria-invalid={!minutesOk || undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <div className="actions">
        <Button
          variant="primary"
          size="lg"
          busy={busyKey === 'start'}
          disabled={!minutesOk || activeElsewhere}
          onClick={() => void run('start', 'breakouts:start', { roundId: round.id, durationSec: m * 60 })}
        >
          {t('breakouts.controls.start')}
        </Button>
        {round.mode !== 'self' && (
          <Button busy={busyKey === 'reshuffle'} onClick={() => void run('reshuffle', 'breakouts:reshuffle', { roundId: round.id })}>
            {t('breakouts.controls.reshuffle')}
          </Button>
        )}
        <ConfirmButton
          label={t('breakouts.controls.discard')}
          question={t('breakouts.controls.discardQuestion')}
          confirmLabel={t('breakouts.controls.discardConfirm')}
          busy={busyKey === 'discard'}
          onConfirm={() => run('discard', 'breakouts:discard', { roundId: round.id })}
        />
      </div>
      {!minutesOk && <p className="error-text">{t('breakouts.plan.invalid.minutes')}</p>}
      {activeElsewhere && <p className="hint">{t('breakouts.controls.oneAtATime')}</p>}
      <ErrorText error={error?.error} context="round" />
    </div>
  );
}

export function RunningControls({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const { run, busyKey, error } = useCommands();
  const closingDefault = useEventState((s) => s.synced.event?.settings.breakouts.closingSec ?? 30);
  const [countdown, setCountdown] = useState(String(closingDefault));
  const id = useId();
  const c = Number(countdown);
  const countdownOk = Number.isInteger(c) && c >= 0 && c <= 600;
  const running = round.status === 'running';

  return (
    <div className="round-controls">
      <RoundClock round={round} size="xl" />
      {running && (
        <div className="actions" role="group" aria-label={t('breakouts.controls.extend')}>
          <Button busy={busyKey === 'x60'} onClick={() => void run('x60', 'breakouts:extend', { roundId: round.id, seconds: 60 })}>
            {t('breakouts.controls.plus1')}
          </Button>
          <Button busy={busyKey === 'x300'} onClick={() => void run('x300', 'breakouts:extend', { roundId: round.id, seconds: 300 })}>
            {t('breakouts.controls.plus5')}
          </Button>
        </div>
      )}
      <MessageForm roundId={round.id} />
      <Messages messages={round.messages} />
      {running ? (
        <div className="close-row">
          <div className="field">
            <label htmlFor={`${id}-cd`}>{t('breakouts.controls.countdown')}</label>
            <input
              id={`${id}-cd`}
              type="number"
              min={0}
              max={600}
              value={countdown}
              aria-invalid={!countdownOk || undefined}
              onChange={(e) => setCountdown(e.target.value)}
            />
          </div>
          <Button
            variant="danger"
            size="lg"
            busy={busyKey === 'close'}
            disabled={!countdownOk}
            onClick={() => void run('close', 'breakouts:close', { roundId: round.id, countdownSec: c })}
          >
            {t('breakouts.controls.close')}
          </Button>
        </div>
      ) : (
        <div className="actions">
          <Button variant="danger" busy={busyKey === 'closeNow'} onClick={() => void run('closeNow', 'breakouts:close', { roundId: round.id, countdownSec: 0 })}>
            {t('breakouts.controls.closeNow')}
          </Button>
        </div>
      )}
      <ErrorText error={error?.error} context="round" />
    </div>
  );
}

function MessageForm({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const send = useCommand('breakouts:message');
  const [text, setText] = useState('');
  // "Sent" clears itself after a few seconds; a failure stays (ErrorText) until the next try.
  const sent = useFleeting<true>();
  const id = useId();
  return (
    <form
      className="message-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) return;
        sent.clear();
        const ack = await send.run({ roundId, text: text.trim() });
        if (ack.ok) {
          setText('');
          sent.show(true);
        }
      }}
    >
      <label htmlFor={id}>{t('breakouts.controls.message')}</label>
      <div className="inline-row">
        <input
          id={id}
          type="text"
          maxLength={500}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            sent.clear();
          }}
        />
        <Button type="submit" variant="primary" busy={send.busy} disabled={!text.trim()}>
          {t('breakouts.controls.send')}
        </Button>
      </div>
      <p role="status" className="success-text">
        {sent.value ? t('breakouts.controls.sent') : ''}
      </p>
      <ErrorText error={send.error} />
    </form>
  );
}

export function ClosedControls({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const show = useCommand('breakouts:showResults');
  // The box follows the click at once and waits for the round update that confirms it.
  const [pending, setPending] = useState<boolean | null>(null);
  useEffect(() => {
    if (pending !== null && round.showResults === pending) setPending(null);
  }, [pending, round.showResults]);
  return (
    <div className="round-controls">
      <label className="check">
        <input
          type="checkbox"
          checked={pending ?? round.showResults}
          aria-busy={pending !== null || undefined}
          onChange={async (e) => {
            const wanted = e.target.checked;
            setPending(wanted);
            const ack = await show.run({ roundId: round.id, show: wanted });
            if (!ack.ok) setPending(null);
          }}
        />
        {t('breakouts.controls.showResults')}
      </label>
      {pending !== null && <Progress label={t('common.saving')} />}
      <ErrorText error={show.error} />
      <ExportButtons round={round} />
    </div>
  );
}

/** All results of the round in one click, as Markdown or CSV (made here from the synced round). */
function ExportButtons({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  const labels = {
    round: t('breakouts.round.title', { number: round.number }),
    group: t('breakouts.export.group'),
    topic: t('breakouts.export.topic'),
    members: t('breakouts.export.members'),
    result: t('breakouts.export.result'),
    noResult: t('breakouts.export.noResult'),
  };
  const base = `runde-${round.number}-ergebnisse`;
  return (
    <span className="export-buttons">
      <Button size="sm" onClick={() => download(`${base}.md`, 'text/markdown;charset=utf-8', resultsMarkdown(round, labels))}>
        {t('breakouts.export.markdown')}
      </Button>
      <Button size="sm" onClick={() => download(`${base}.csv`, 'text/csv;charset=utf-8', '\uFEFF' + resultsCsv(round, labels))}>
        {t('breakouts.export.csv')}
      </Button>
    </span>
  );
}

export function ResultsList({ round }: { round: RoundView }) {
  const { t } = useTranslation();
  return (
    <ul className="results-list" aria-label={t('breakouts.results.heading')}>
      {round.groups.map((g) => (
        <li key={g.index} className="result-item">
          <h4>{g.name}</h4>
          {g.topic && <p className="group-topic">{g.topic}</p>}
          {g.result.trim() ? <p className="result-text">{g.result}</p> : <p className="hint">{t('breakouts.results.empty')}</p>}
        </li>
      ))}
    </ul>
  );
}
