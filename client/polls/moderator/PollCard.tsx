/**
 * One poll in the moderator's list: what it is and where it stands, how many answered of those here now,
 * the lifecycle buttons for its state, list management (edit, duplicate, move, reset, delete), and its
 * live results (the word cloud, the open-text review, the quiz run with its leaderboard).
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenEntry, PollDraft, StaffPoll } from '../../../shared/polls/index.js';
import { loadOnAirActions } from '../../stage/index.js';
import { Button } from '../../ui/Button.js';
import { ResponsesLine } from '../results/ChoiceResults.js';
import { PollResultsView } from '../results/PollResultsView.js';
import { OpenReview } from '../editor/OpenReview.js';
import { PollEditor } from '../editor/PollEditor.js';
import { PollErrorText } from '../PollErrorText.js';
import type { NowFn } from '../types.js';
import { QuizControls } from './QuizControls.js';
import { usePollActions } from './useActions.js';

const OnAirActions = lazy(loadOnAirActions);

export interface PollCardProps {
  poll: StaffPoll;
  index: number;
  /** Every poll id in list order (for moving this one). */
  ids: readonly string[];
  presented: boolean;
  present: number;
  entries: Readonly<Record<string, OpenEntry>>;
  now: NowFn;
}

function moved(ids: readonly string[], index: number, by: -1 | 1): string[] {
  const next = [...ids];
  const [id] = next.splice(index, 1);
  next.splice(index + by, 0, id!);
  return next;
}

export function PollCard({ poll, index, ids, presented, present, entries, now }: PollCardProps) {
  const { t } = useTranslation();
  const { run, busy, error, send } = usePollActions();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const def = poll.definition;
  const id = poll.id;
  const headingId = `poll-${id}-heading`;
  const pollEntries = def.type === 'open' ? Object.values(entries).filter((e) => e.pollId === id) : [];
  // The definition may change only without answers and while not open (shared/polls: polls:update).
  const settingsOnly = poll.status === 'open' || poll.responses > 0;
  const canReveal = poll.status !== 'draft' && poll.settings.results !== 'live';

  const save = async (draft: PollDraft) => {
    const ack = await send('polls:update', settingsOnly ? { id, settings: draft.settings } : { id, definition: draft.definition, settings: draft.settings });
    if (ack.ok) setEditing(false);
    return ack;
  };

  return (
    <article className={`poll-mod-card status-${poll.status}${presented ? ' is-presented' : ''}`} aria-labelledby={headingId}>
      <header className="poll-mod-card-head">
        <h3 id={headingId} className="poll-mod-question">
          {def.question}
        </h3>
        <p className="poll-mod-meta">
          <span className="poll-badge">{t(`polls.type.${def.type}`)}</span>
          <span className={`poll-badge poll-status-${poll.status}`}>{t(`polls.mod.status.${poll.status}`)}</span>
          {presented && <span className="poll-badge poll-badge-stage">{t('polls.mod.onStage')}</span>}
          {canReveal && poll.revealed && <span className="poll-badge">{t('polls.mod.revealedBadge')}</span>}
        </p>
        {poll.status !== 'draft' && <ResponsesLine responses={poll.responses} present={present} />}
      </header>

      <div className="actions poll-mod-actions" role="group" aria-label={t('polls.mod.runGroup', { question: def.question })}>
        {poll.status === 'draft' && (
          <Button variant="primary" busy={busy === 'polls:open'} onClick={() => run('polls:open', { id })}>
            {t('polls.mod.open')}
          </Button>
        )}
        {poll.status === 'open' && def.type !== 'quiz' && (
          <Button variant="primary" busy={busy === 'polls:close'} onClick={() => run('polls:close', { id })}>
            {t('polls.mod.close')}
          </Button>
        )}
        {poll.status === 'closed' && (
          <Button busy={busy === 'polls:reopen'} onClick={() => run('polls:reopen', { id })}>
            {t('polls.mod.reopen')}
          </Button>
        )}
        {poll.status !== 'draft' && (
          <Button busy={busy === 'polls:present'} aria-pressed={presented} onClick={() => run('polls:present', { id: presented ? null : id })}>
            {presented ? t('polls.mod.unpresent') : t('polls.mod.present')}
          </Button>
        )}
        {canReveal && (
          <Button busy={busy === 'polls:reveal'} aria-pressed={poll.revealed} onClick={() => run('polls:reveal', { id, revealed: !poll.revealed })}>
            {poll.revealed ? t('polls.mod.hide') : t('polls.mod.reveal')}
          </Button>
        )}
      </div>

      {poll.status !== 'draft' && (
        <Suspense fallback={null}>
          <OnAirActions item={def.type === 'quiz' ? { kind: 'leaderboard', pollId: id } : { kind: 'poll', pollId: id }} label={def.question} />
        </Suspense>
      )}

      {def.type === 'quiz' && poll.status !== 'draft' && poll.quiz && (
        <QuizControls poll={poll} run={run} busy={busy} now={now} />
      )}

      <div className="actions poll-mod-manage" role="group" aria-label={t('polls.mod.manageGroup', { question: def.question })}>
        <Button size="sm" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {t('polls.mod.edit')}
        </Button>
        <Button size="sm" busy={busy === 'polls:duplicate'} onClick={() => run('polls:duplicate', { id })}>
          {t('polls.mod.duplicate')}
        </Button>
        <Button size="sm" disabled={index === 0} busy={busy === 'polls:reorder'} aria-label={t('polls.mod.up', { question: def.question })} onClick={() => run('polls:reorder', { ids: moved(ids, index, -1) })}>
          {t('polls.mod.upShort')}
        </Button>
        <Button size="sm" disabled={index === ids.length - 1} aria-label={t('polls.mod.down', { question: def.question })} onClick={() => run('polls:reorder', { ids: moved(ids, index, 1) })}>
          {t('polls.mod.downShort')}
        </Button>
        {poll.status !== 'open' && poll.responses > 0 && (
          <Button size="sm" busy={busy === 'polls:reset'} onClick={() => run('polls:reset', { id })}>
            {t('polls.mod.reset')}
          </Button>
        )}
        {confirmDelete ? (
          <>
            <Button size="sm" variant="danger" busy={busy === 'polls:delete'} onClick={() => run('polls:delete', { id })}>
              {t('polls.mod.confirmDelete')}
            </Button>
            <Button size="sm" onClick={() => setConfirmDelete(false)}>
              {t('polls.editor.cancel')}
            </Button>
          </>
        ) : (
          <Button size="sm" onClick={() => setConfirmDelete(true)}>
            {t('polls.mod.delete')}
          </Button>
        )}
      </div>
      <PollErrorText error={error} />

      {editing && (
        <PollEditor initial={{ definition: def, settings: poll.settings }} settingsOnly={settingsOnly} onSubmit={save} onCancel={() => setEditing(false)} />
      )}

      {poll.status !== 'draft' && (
        <section className="poll-mod-results" aria-label={t('polls.mod.resultsOf', { question: def.question })}>
          <PollResultsView definition={def} results={poll.results} responses={poll.responses} entries={pollEntries} cloud />
        </section>
      )}
      {def.type === 'open' && poll.status !== 'draft' && (
        <OpenReview entries={pollEntries} onReview={(input) => send('polls:review', { pollId: id, ...input })} />
      )}
    </article>
  );
}
