/**
 * Likely duplicates among incoming and live questions (YouTube and imported ones included), grouped; in
 * each group the question to keep is the live one with the most votes (else the oldest), and every other
 * one can be merged into it with one click (qa:merge). The tracker only re-scores questions that changed.
 */
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModQuestion } from '../../../shared/qa/schemas.js';
import { createDuplicateTracker, type DuplicateTracker } from '../../../shared/qa/similarity/index.js';
import { useEventState } from '../../kernel/react.js';
import { useCommands } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { asMod } from '../selectors.js';
import { excerpt } from './ModQuestionCard.js';

/** The question a group keeps: live before pending, then most votes, then the oldest. */
export function keeperOf(group: readonly ModQuestion[]): ModQuestion {
  return [...group].sort(
    (a, b) =>
      Number(b.state === 'live') - Number(a.state === 'live') || b.votes - a.votes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )[0]!;
}

function useGroups(): ModQuestion[][] {
  const questions = useEventState((s) => s.synced.qa.questions);
  const ref = useRef<{ tracker: DuplicateTracker; held: Map<string, string> } | null>(null);
  if (ref.current === null) ref.current = { tracker: createDuplicateTracker(), held: new Map() };
  const state = ref.current;
  return useMemo(() => {
    const next = new Map<string, string>();
    for (const q of Object.values(questions)) if (q.state === 'pending' || q.state === 'live') next.set(q.id, q.text);
    for (const id of state.held.keys()) if (!next.has(id)) state.tracker.remove(id);
    for (const [id, text] of next) if (state.held.get(id) !== text) state.tracker.set(id, text);
    state.held = next;
    return state.tracker.groups().map((g) => g.ids.map((id) => asMod(questions[id]!)));
  }, [questions, state]);
}

export function DuplicateGroups() {
  const { t } = useTranslation();
  const groups = useGroups();
  const { run, busyKey, error } = useCommands();
  return (
    <div className="duplicates">
      {groups.length === 0 ? (
        <p className="empty">{t('mod.duplicates.empty')}</p>
      ) : (
        <ul className="dup-groups" aria-label={t('mod.duplicates.heading')}>
          {groups.map((group) => {
            const keep = keeperOf(group);
            return (
              <li key={group.map((q) => q.id).join(',')} className="dup-group">
                <p className="dup-keep">
                  <span className="badge">{t('mod.duplicates.keep')}</span> {keep.text}
                  <span className="hint"> · {t('qa.votes', { count: keep.votes })}</span>
                </p>
                <ul className="dup-others">
                  {group
                    .filter((q) => q.id !== keep.id)
                    .map((q) => (
                      <li key={q.id}>
                        <span className={`badge badge-state-${q.state}`}>{t(`mod.state.${q.state}`)}</span>
                        {q.source !== 'plenum' && <span className="badge badge-source">{t(`mod.source.${q.source}`)}</span>} {q.text}
                        <Button
                          variant="secondary"
                          size="sm"
                          busy={busyKey === q.id}
                          aria-label={t('mod.duplicates.mergeLabel', { text: excerpt(q.text), into: excerpt(keep.text) })}
                          onClick={() => void run(q.id, 'qa:merge', { keepId: keep.id, mergeId: q.id })}
                        >
                          {t('mod.duplicates.merge')}
                        </Button>
                      </li>
                    ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorText error={error?.error ?? null} context="merge" />
    </div>
  );
}
