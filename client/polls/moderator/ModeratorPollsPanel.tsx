/**
 * The polls part of the moderator page: prepare polls (create, edit, duplicate, reorder, delete, import)
 * and run them (open, close, reopen, reveal, put on stage, review open text, run a quiz), each card with
 * its live results and "answered N of M here".
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollDraft } from '../../../shared/polls/index.js';
import { useEventState } from '../../kernel/react.js';
import { Button } from '../../ui/Button.js';
import { ImportDialog } from '../editor/ImportDialog.js';
import { PollEditor } from '../editor/PollEditor.js';
import { pollList } from '../selectors.js';
import { isStaffPoll } from '../slice.js';
import { serverNow, usePollSend } from '../usePollCommand.js';
import { PollCard } from './PollCard.js';
import '../polls.css';
import '../panels.css';

type Mode = { kind: 'new' } | { kind: 'import' } | null;

export default function ModeratorPollsPanel() {
  const { t } = useTranslation();
  const send = usePollSend();
  const data = useEventState((s) => s.synced.polls);
  const peoplePresent = useEventState((s) => s.synced.people.present);
  const offset = useEventState((s) => s.synced.clockOffsetMs);
  const now = useMemo(() => serverNow(offset), [offset]);
  const [mode, setMode] = useState<Mode>(null);
  const polls = useMemo(() => pollList(data).filter(isStaffPoll), [data]);
  const present = data.present ?? peoplePresent;

  const create = async (draft: PollDraft) => {
    const ack = await send('polls:create', draft);
    if (ack.ok) setMode(null);
    return ack;
  };
  const importPolls = (dryRun: boolean) => (input: { format: 'text' | 'json'; source: string }) => send('polls:import', { ...input, dryRun });

  return (
    <section className="card polls-mod" aria-labelledby="polls-mod-heading">
      <div className="polls-mod-head">
        <h2 id="polls-mod-heading">{t('polls.mod.heading')}</h2>
        <p className="polls-mod-present" aria-live="polite">{t('polls.mod.present', { count: present })}</p>
      </div>
      <div className="actions polls-mod-tools">
        <Button variant="primary" aria-expanded={mode?.kind === 'new'} onClick={() => setMode(mode?.kind === 'new' ? null : { kind: 'new' })}>
          {t('polls.mod.new')}
        </Button>
        <Button aria-expanded={mode?.kind === 'import'} onClick={() => setMode(mode?.kind === 'import' ? null : { kind: 'import' })}>
          {t('polls.mod.import')}
        </Button>
      </div>
      {mode?.kind === 'new' && <PollEditor onSubmit={create} onCancel={() => setMode(null)} />}
      {mode?.kind === 'import' && <ImportDialog onPreview={importPolls(true)} onImport={importPolls(false)} onClose={() => setMode(null)} />}
      {polls.length === 0 ? (
        <p className="notice notice-quiet">{t('polls.mod.empty')}</p>
      ) : (
        <ol className="polls-mod-list" aria-label={t('polls.mod.list')}>
          {polls.map((poll, index) => (
            <li key={poll.id}>
              <PollCard
                poll={poll}
                index={index}
                ids={polls.map((p) => p.id)}
                presented={data.presentedId === poll.id}
                present={present}
                entries={data.entries}
                now={now}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
