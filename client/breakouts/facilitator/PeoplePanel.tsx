/**
 * Everyone known to the event, online first, with their attributes, live: in which group of the round
 * that matters now, in none, or late (came after the round started). People can be selected here
 * to form keep-apart / keep-together sets in the plan form.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { groupIndexByPerson, peopleList } from '../selectors.js';
import { LateBadge } from './LateBadge.js';

const NO_FIELDS: never[] = [];

export function PeoplePanel({ selected, onToggle }: { selected: ReadonlySet<string>; onToggle(id: string, on: boolean): void }) {
  const { t } = useTranslation();
  const people = useEventState((s) => s.synced.people.people);
  const fields = useEventState((s) => s.synced.event?.settings.attendeeFields ?? NO_FIELDS);
  const labels = useMemo(() => new Map(fields.map((f) => [f.key, f.label])), [fields]);
  const list = useMemo(() => peopleList(people), [people]);
  const rounds = useEventState((s) => s.synced.breakouts.rounds);
  const placement = useMemo(() => groupIndexByPerson(rounds), [rounds]);
  const [search, setSearch] = useState('');
  const searchId = useId();
  const online = list.filter((p) => p.online).length;
  const needle = search.trim().toLocaleLowerCase();
  const shown = needle
    ? list.filter((p) => [p.name ?? '', ...Object.values(p.attributes)].some((s) => s.toLocaleLowerCase().includes(needle)))
    : list;

  return (
    <section className="card people-panel" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('breakouts.people.heading')}</h2>
      <p className="people-count" aria-live="polite">
        {t('breakouts.people.count', { count: online, total: list.length })}
      </p>
      {list.length > 0 && (
        <div className="field">
          <label htmlFor={searchId}>{t('breakouts.people.search')}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      )}
      {selected.size > 0 && <p className="hint">{t('breakouts.people.selected', { count: selected.size })}</p>}
      {list.length === 0 ? (
        <p className="hint">{t('breakouts.people.none')}</p>
      ) : (
        <ul className="people-list" aria-label={t('breakouts.people.heading')}>
          {shown.map((p) => {
            const name = p.name ?? t('breakouts.unnamed');
            const attrs = Object.entries(p.attributes).filter(([, v]) => v);
            return (
              <li key={p.id} className={`person${p.online ? ' is-online' : ''}`}>
                <label className="check">
                  <input type="checkbox" checked={selected.has(p.id)} onChange={(e) => onToggle(p.id, e.target.checked)} />
                  <span className="person-name">{name}</span>
                </label>
                <span className={`presence-dot${p.online ? ' is-online' : ''}`} aria-hidden="true" />
                <span className="person-state">{p.online ? t('breakouts.people.online') : t('breakouts.people.offline')}</span>
                {p.invited && <span className="badge">{t('breakouts.people.invited')}</span>}
                {placement.round && (
                  <span className={`badge${placement.groupOf.has(p.id) ? '' : ' badge-warn'}`}>
                    {placement.groupOf.get(p.id) ?? t('breakouts.people.unassigned')}
                  </span>
                )}
                <LateBadge round={placement.round} id={p.id} />
                {attrs.length > 0 && <span className="person-attrs">{attrs.map(([k, v]) => `${labels.get(k) ?? k}: ${v}`).join(' · ')}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
