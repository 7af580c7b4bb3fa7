/**
 * One question as moderators see it, with the actions its state allows. Every action shows its own busy
 * state until the server acknowledged it; the list itself changes only through the following delta.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModQuestion } from '../../../shared/qa/schemas.js';
import { useEventState } from '../../kernel/react.js';
import { useCommands } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { loadOnAirActions } from '../../stage/index.js';
import { QuestionBody } from '../QuestionBody.js';
import { TextEditor } from './TextEditor.js';
import { VoteAlertNotice } from './VoteAlertNotice.js';

const OnAirActions = lazy(loadOnAirActions);

type Editor = null | 'approveEdit' | 'edit' | 'reply' | 'labels';

export interface ModQuestionCardProps {
  question: ModQuestion;
  selected: boolean;
  onSelect(id: string, selected: boolean): void;
}

export function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function ModQuestionCard({ question: q, selected, onSelect }: ModQuestionCardProps) {
  const { t } = useTranslation();
  const highlightedId = useEventState((s) => s.synced.qa.highlightedId);
  const queue = useEventState((s) => s.synced.qa.queue);
  const max = useEventState((s) => s.synced.event?.settings.qa.maxQuestionLength ?? 300);
  const { run, busyKey, error } = useCommands();
  const [editor, setEditor] = useState<Editor>(null);
  const [discounted, setDiscounted] = useState<number | null>(null);
  const onStage = highlightedId === q.id;
  const queued = queue.includes(q.id);
  const busy = (key: string) => busyKey === key;
  const close = (ok: boolean) => {
    if (ok) setEditor(null);
    return ok;
  };

  const badges = (
    <>
      <span className={`badge badge-state-${q.state}`}>{t(`mod.state.${q.state}`)}</span>
      {onStage && <span className="badge badge-stage">{t('mod.badge.onStage')}</span>}
      {queued && <span className="badge badge-queued">{t('mod.badge.queued', { position: queue.indexOf(q.id) + 1 })}</span>}
      {q.voteAlert && (
        <span className="badge badge-vote-alert">
          <span aria-hidden="true">⚠ </span>
          {t('mod.voteAlert.badge')}
        </span>
      )}
      {q.starred && <span className="badge badge-starred">{t('mod.badge.starred')}</span>}
      {q.anonymous && <span className="badge">{t('mod.badge.anonymous')}</span>}
      {q.source !== 'plenum' && (
        <span className={`badge badge-source badge-source-${q.source}`}>
          {q.sourceLabel ? t('mod.source.labelled', { source: t(`mod.source.${q.source}`), label: q.sourceLabel }) : t(`mod.source.${q.source}`)}
        </span>
      )}
      <span className="badge badge-votes">{t('qa.votes', { count: q.votes })}</span>
    </>
  );

  return (
    <li className={`q-item mod-item${onStage ? ' is-on-stage' : ''}${selected ? ' is-selected' : ''}`} data-question-id={q.id}>
      <input
        type="checkbox"
        className="select-box"
        checked={selected}
        aria-label={t('mod.select', { text: excerpt(q.text) })}
        onChange={(e) => onSelect(q.id, e.target.checked)}
      />
      <div className="q-main">
        <QuestionBody question={q} badges={badges} />
        {q.state === 'pending' && (
          <p className="flagged">
            {q.flaggedWords.length > 0 ? (
              <>
                <span aria-hidden="true">⚑ </span>
                {t('mod.flagged', { words: q.flaggedWords.join(', ') })}
              </>
            ) : (
              t('mod.premoderated')
            )}
          </p>
        )}

        {q.voteAlert && <VoteAlertNotice id={q.id} alert={q.voteAlert} onDiscounted={setDiscounted} />}
        <p role="status" className="success-text vote-alert-status">
          {discounted !== null && !q.voteAlert ? t('mod.voteAlert.discounted', { count: discounted }) : ''}
        </p>

        {editor === 'approveEdit' && (
          <TextEditor
            label={t('mod.editText')}
            initial={q.text}
            max={max}
            submitLabel={t('mod.action.saveApprove')}
            busy={busy('approve')}
            onSubmit={async (text) => close((await run('approve', 'qa:approve', { id: q.id, text })).ok)}
            onCancel={() => setEditor(null)}
          />
        )}
        {editor === 'edit' && (
          <TextEditor
            label={t('mod.editText')}
            initial={q.text}
            max={max}
            submitLabel={t('common.save')}
            busy={busy('edit')}
            onSubmit={async (text) => close((await run('edit', 'qa:edit', { id: q.id, text })).ok)}
            onCancel={() => setEditor(null)}
          />
        )}
        {editor === 'reply' && (
          <TextEditor
            label={t('mod.replyLabel')}
            initial={q.reply ?? ''}
            max={2000}
            allowEmpty
            hint={t('mod.replyHint')}
            submitLabel={t('mod.action.saveReply')}
            busy={busy('reply')}
            onSubmit={async (text) => close((await run('reply', 'qa:reply', { id: q.id, text: text || null })).ok)}
            onCancel={() => setEditor(null)}
          />
        )}
        {editor === 'labels' && (
          <TextEditor
            label={t('mod.labelsLabel')}
            initial={q.labels.join(', ')}
            multiline={false}
            allowEmpty
            hint={t('mod.labelsHint')}
            submitLabel={t('common.save')}
            busy={busy('labels')}
            onSubmit={async (text) => close((await run('labels', 'qa:label', { id: q.id, labels: parseLabels(text) })).ok)}
            onCancel={() => setEditor(null)}
          />
        )}

        {editor === null && (
          <div className="actions" role="group" aria-label={t('mod.actionsFor', { text: excerpt(q.text, 40) })}>
            {q.state === 'pending' && (
              <>
                <Button size="sm" variant="primary" busy={busy('approve')} onClick={() => void run('approve', 'qa:approve', { id: q.id })}>
                  {t('mod.action.approve')}
                </Button>
                <Button size="sm" onClick={() => setEditor('approveEdit')}>
                  {t('mod.action.editApprove')}
                </Button>
                <Button size="sm" busy={busy('reject')} onClick={() => void run('reject', 'qa:reject', { id: q.id })}>
                  {t('mod.action.reject')}
                </Button>
              </>
            )}
            {q.state === 'live' && (
              <>
                <Button
                  size="sm"
                  variant={onStage ? 'secondary' : 'primary'}
                  aria-pressed={onStage}
                  busy={busy('highlight')}
                  onClick={() => void run('highlight', 'qa:highlight', { id: onStage ? null : q.id })}
                >
                  {onStage ? t('mod.action.unhighlight') : t('mod.action.highlight')}
                </Button>
                <Button
                  size="sm"
                  busy={busy('queue')}
                  onClick={() => void run('queue', 'qa:queue', { ids: queued ? queue.filter((id) => id !== q.id) : [...queue, q.id] })}
                >
                  {queued ? t('mod.action.unqueue') : t('mod.action.queue')}
                </Button>
                <Button size="sm" busy={busy('answer')} onClick={() => void run('answer', 'qa:answer', { id: q.id })}>
                  {t('mod.action.answer')}
                </Button>
                <Button size="sm" busy={busy('reject')} onClick={() => void run('reject', 'qa:reject', { id: q.id })}>
                  {t('mod.action.reject')}
                </Button>
                <Suspense fallback={null}>
                  <OnAirActions item={{ kind: 'question', questionId: q.id }} label={excerpt(q.text, 40)} />
                </Suspense>
              </>
            )}
            {(q.state === 'answered' || q.state === 'rejected') && (
              <Button size="sm" busy={busy('restore')} onClick={() => void run('restore', 'qa:restore', { id: q.id })}>
                {t('mod.action.restore')}
              </Button>
            )}
            <Button
              size="sm"
              variant="ghost"
              aria-pressed={q.starred}
              busy={busy('star')}
              onClick={() => void run('star', 'qa:star', { id: q.id, starred: !q.starred })}
            >
              <span aria-hidden="true">{q.starred ? '★ ' : '☆ '}</span>
              {t('mod.action.star')}
            </Button>
            {q.state !== 'pending' && (
              <Button size="sm" variant="ghost" onClick={() => setEditor('reply')}>
                {q.reply ? t('mod.action.editReply') : t('mod.action.reply')}
              </Button>
            )}
            {q.state !== 'pending' && (
              <Button size="sm" variant="ghost" onClick={() => setEditor('edit')}>
                {t('mod.action.edit')}
              </Button>
            )}
            <Button size="sm" variant="ghost" onClick={() => setEditor('labels')}>
              {t('mod.action.labels')}
            </Button>
            <ConfirmButton
              variant="ghost"
              label={t('mod.action.delete')}
              question={t('mod.deleteQuestion')}
              confirmLabel={t('mod.action.deleteConfirm')}
              busy={busy('delete')}
              onConfirm={() => run('delete', 'qa:delete', { id: q.id })}
            />
          </div>
        )}
        <ErrorText error={error?.error} context={error?.key} />
      </div>
    </li>
  );
}

/** "a, b ,, c" → ["a", "b", "c"], without duplicates; the server enforces length and count. */
export function parseLabels(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}
