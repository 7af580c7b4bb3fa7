/**
 * Help requests from the groups, open ones first and newest first. A new one is announced, beeps (unless
 * muted) and counts in the tab title until the facilitator has seen it (focus on the page, or a click in
 * this panel). Each open request links to its group's video room.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventState } from '../../kernel/react.js';
import { useCommands } from '../../kernel/useCommand.js';
import { useAnnounce } from '../../ui/Announcer.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { formatTime } from '../../ui/format.js';
import { helpList } from '../selectors.js';
import { alertTitle, beep, setSoundMuted, soundMuted } from './alert.js';

export function HelpList() {
  const { t, i18n } = useTranslation();
  const help = useEventState((s) => s.synced.breakouts.help);
  const rounds = useEventState((s) => s.synced.breakouts.rounds);
  const list = useMemo(() => helpList(help), [help]);
  const open = useMemo(() => list.filter((h) => h.resolvedAt === null), [list]);
  const { run, busyKey, error } = useCommands();
  const videoOf = (h: { roundId: string; groupIndex: number }) => rounds[h.roundId]?.groups.find((g) => g.index === h.groupIndex)?.videoUrl ?? null;
  const announce = useAnnounce();
  const seen = useRef<Set<string> | null>(null);
  const [muted, setMuted] = useState(soundMuted);
  const [unseen, setUnseen] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const ids = new Set(open.map((h) => h.id));
    if (seen.current) {
      const fresh = open.filter((h) => !seen.current!.has(h.id));
      for (const h of fresh) announce(t('breakouts.help.new', { group: h.groupName, name: h.name ?? t('breakouts.unnamed') }));
      if (fresh.length) {
        if (!muted) beep();
        setUnseen((prev) => new Set([...prev, ...fresh.map((h) => h.id)]));
      }
    }
    seen.current = new Set([...(seen.current ?? []), ...ids]);
  }, [open, announce, t, muted]);

  // Only open requests count; resolved ones (by anyone) leave the title.
  const unseenOpen = open.filter((h) => unseen.has(h.id)).length;
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) [^–]* – /, '');
    document.title = alertTitle(base, unseenOpen, t('breakouts.help.titleAlert'));
    return () => {
      document.title = base;
    };
  }, [unseenOpen, t]);
  useEffect(() => {
    const clear = () => {
      if (document.visibilityState === 'visible') setUnseen(new Set());
    };
    window.addEventListener('focus', clear);
    document.addEventListener('visibilitychange', clear);
    return () => {
      window.removeEventListener('focus', clear);
      document.removeEventListener('visibilitychange', clear);
    };
  }, []);

  return (
    <section className={`card help-panel${open.length ? ' has-open' : ''}`} aria-labelledby="help-heading" onPointerDown={() => setUnseen(new Set())}>
      <h2 id="help-heading">
        {t('breakouts.help.heading')} <span className="count">({t('breakouts.help.open', { count: open.length })})</span>
      </h2>
      <label className="check help-sound">
        <input
          type="checkbox"
          checked={!muted}
          onChange={(e) => {
            setMuted(!e.target.checked);
            setSoundMuted(!e.target.checked);
          }}
        />
        {t('breakouts.help.sound')}
      </label>
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
              {!h.resolvedAt && videoOf(h) && (
                <a className="btn btn-sm btn-secondary" href={videoOf(h)!} target="_blank" rel="noopener noreferrer">
                  {t('breakouts.help.join', { group: h.groupName })}
                  <span className="sr-only"> {t('common.newTab')}</span>
                </a>
              )}
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
