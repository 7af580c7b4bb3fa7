/** Help requests from the groups, open ones first and newest first; a new one is announced. */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { useCommands } from '../../kernel/useCommand.js';
import { useAnnounce } from '../../ui/Announcer.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { formatTime } from '../../ui/format.js';
import { helpList } from '../selectors.js';

export function HelpList() {
  const { t, i18n } = useTranslation();
  const help = useEventState((s) => s.synced.breakouts.help);
  const rounds = useEventState((s) => s.synced.breakouts.rounds);
  const list = useMemo(() => helpList(help), [help]);
  const open = useMemo(() => list.filter((h) => h.resolvedAt === null), [list]);
  const { run, busyKey, error } = useCommands();
  const announce = useAnnounce();
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    const ids = new Set(open.map((h) => h.id));
    if (seen.current) {
      const fresh = open.filter((h) => !seen.current!.has(h.id));
      for (const h of fresh) announce(t('breakouts.help.new', { group: h.groupName, name: h.name ?? t('breakouts.unnamed') }));
    }
    seen.current = new Set([...(seen.current ?? []), ...ids]);
  }, [open, announce, t]);

  return (
    <section className={`card help-panel${open.length ? ' has-open' : ''}`} aria-labelledby="help-heading">
      <h2 id="help-heading">
        {t('breakouts.help.heading')} <span className="count">({t('breakouts.help.open', { count: open.length })})</span>
      </h2>
      {list.length === 0 ? (
        <p className="hint">{t('breakouts.help.none')}</p>
      ) : (
        <ul className="help-list">
          {list.map((h) => (
            <li key={h.id} className={`help-item${h.resolvedAt ? ' is-resolved' : ''}`}>
              <p>
                <strong>{h.groupName}</strong>
                {rounds[h.roundId] ? ` · ${t('breakouts.round.title', { number: rounds[h.roundId]!.number })}` : ''} ·{' '}
                {h.name ?? t('breakouts.unnamed')} · {formatTime(h.at, i18n.language)}
              </p>
              {h.resolvedAt ? (
                <span className="badge">{t('breakouts.help.resolved')}</span>
              ) : (
                <Button
                  size="sm"
                  busy={busyKey === h.id}
                  aria-label={t('breakouts.help.resolveLabel', { group: h.groupName })}
                  onClick={() => void run(h.id, 'breakouts:resolveHelp', { id: h.id })}
                >
                  {t('breakouts.help.resolve')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorText error={error?.error} />
    </section>
  );
}
