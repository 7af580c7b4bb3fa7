/**
 * The moderator's workspace: incoming questions to review, the filtered list with bulk actions, and the
 * side panels (stage, speaker queue, settings, export).
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeaturePanels } from '../../kernel/panels.js';
import { useEventState } from '../../kernel/react.js';
import { moderatorView, type ModFilter, type ModSort } from '../selectors.js';
import { OlderAnswered } from '../OlderAnswered.js';
import { BulkBar } from './BulkBar.js';
import { DuplicateGroups } from './DuplicateGroups.js';
import { ModQuestionCard } from './ModQuestionCard.js';
import { OnStagePanel } from './OnStagePanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import { SpeakerQueue } from './SpeakerQueue.js';

export function ModeratorBoard({ exportUrl }: { exportUrl: string | null }) {
  const { t } = useTranslation();
  const qa = useEventState((s) => s.synced.qa);
  const [filter, setFilter] = useState<ModFilter>('live');
  const [sort, setSort] = useState<ModSort>('popular');
  const [search, setSearch] = useState('');
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const view = useMemo(() => moderatorView(qa, { filter, sort, search }), [qa, filter, sort, search]);
  const ids = { filter: useId(), sort: useId(), search: useId() };

  // Only ids that still exist count as selected (a question may have been deleted meanwhile).
  const selected = useMemo(() => [...selection].filter((id) => id in qa.questions), [selection, qa.questions]);
  const onSelect = useCallback((id: string, on: boolean) => {
    setSelection((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const selectAll = (list: readonly { id: string }[], on: boolean) =>
    setSelection((prev) => {
      const next = new Set(prev);
      for (const q of list) {
        if (on) next.add(q.id);
        else next.delete(q.id);
      }
      return next;
    });
  const allIncomingSelected = view.incoming.length > 0 && view.incoming.every((q) => selection.has(q.id));
  const allListSelected = view.list.length > 0 && view.list.every((q) => selection.has(q.id));

  return (
    <div className="mod-layout">
      <div className="mod-main">
        <BulkBar selected={selected} onDone={() => setSelection(new Set())} />

        <section className="mod-section" aria-labelledby="incoming-heading">
          <div className="list-head">
            <h2 id="incoming-heading">
              {t('mod.incoming')} <span className="count">({view.counts.pending})</span>
            </h2>
            {view.incoming.length > 0 && (
              <label className="check">
                <input type="checkbox" checked={allIncomingSelected} onChange={(e) => selectAll(view.incoming, e.target.checked)} />
                {t('mod.selectAllIncoming')}
              </label>
            )}
          </div>
          {view.incoming.length === 0 ? (
            <p className="empty">{t('mod.incomingEmpty')}</p>
          ) : (
            <ul className="q-list" aria-label={t('mod.incoming')}>
              {view.incoming.map((q) => (
                <ModQuestionCard key={q.id} question={q} selected={selection.has(q.id)} onSelect={onSelect} />
              ))}
            </ul>
          )}
          {(filter === 'answered' || filter === 'all') && <OlderAnswered />}
        </section>

        <section className="mod-section" aria-labelledby="list-heading">
          <div className="list-head">
            <h2 id="list-heading">{t('mod.questions')}</h2>
          </div>
          <div className="toolbar">
            <div className="field">
              <label htmlFor={ids.filter}>{t('mod.filter.label')}</label>
              <select id={ids.filter} value={filter} onChange={(e) => setFilter(e.target.value as ModFilter)}>
                <option value="live">{t('mod.filter.live', { count: view.counts.live })}</option>
                <option value="answered">{t('mod.filter.answered', { count: view.counts.answered })}</option>
                <option value="rejected">{t('mod.filter.rejected', { count: view.counts.rejected })}</option>
                <option value="all">{t('mod.filter.all')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.sort}>{t('mod.sort.label')}</label>
              <select id={ids.sort} value={sort} onChange={(e) => setSort(e.target.value as ModSort)}>
                <option value="popular">{t('mod.sort.popular')}</option>
                <option value="recent">{t('mod.sort.recent')}</option>
                <option value="starred">{t('mod.sort.starred')}</option>
              </select>
            </div>
            <div className="field field-grow">
              <label htmlFor={ids.search}>{t('mod.search')}</label>
              <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </div>
          </div>
          {view.list.length > 0 && (
            <label className="check select-all">
              <input type="checkbox" checked={allListSelected} onChange={(e) => selectAll(view.list, e.target.checked)} />
              {t('mod.selectAllShown')}
            </label>
          )}
          {view.list.length === 0 ? (
            <p className="empty">{search ? t('mod.noMatches') : t('mod.listEmpty')}</p>
          ) : (
            <ul className="q-list" aria-label={t('mod.questions')}>
              {view.list.map((q) => (
                <ModQuestionCard key={q.id} question={q} selected={selection.has(q.id)} onSelect={onSelect} />
              ))}
            </ul>
          )}
        </section>
      </div>

      <div className="mod-side">
        <section className="card" aria-labelledby="stage-heading">
          <h2 id="stage-heading">{t('mod.stage.heading')}</h2>
          <OnStagePanel />
        </section>
        <section className="card" aria-labelledby="queue-heading">
          <h2 id="queue-heading">{t('mod.queue.heading')}</h2>
          <SpeakerQueue />
        </section>
        <section className="card" aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading">{t('mod.duplicates.heading')}</h2>
          <DuplicateGroups />
        </section>
        <FeaturePanels page="moderatorSide" />
        <section className="card" aria-labelledby="settings-heading">
          <h2 id="settings-heading">{t('settings.heading')}</h2>
          <SettingsPanel />
        </section>
        {exportUrl && (
          <section className="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{t('mod.export.heading')}</h2>
            <p>
              <a className="btn btn-secondary btn-sm" href={exportUrl} download>
                {t('mod.export.csv')}
              </a>
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
