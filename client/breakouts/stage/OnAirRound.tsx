/**
 * A breakout round on air (stage feature, ClientFeature.onAir.round): while it runs, the countdown large;
 * after it, every group's result, fitted (zoom) and in pages that turn by themselves when there are many or
 * long ones. The overlay shows the countdown, or the results compactly; the queue one line.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundView } from '../../../shared/breakouts/schemas.js';
import type { OnAirProps } from '../../kernel/feature.js';
import { useEventState } from '../../kernel/react.js';
import { FitText } from '../../ui/FitText.js';
import { RoundClock } from '../RoundClock.js';
import { isActive } from '../selectors.js';
import { columnsFor, PAGE_SECONDS, pageGroups } from './pages.js';
import '../breakouts.css';
import './onair.css';

function Results({ round, variant }: { round: RoundView; variant: 'room' | 'overlay' }) {
  const { t } = useTranslation();
  const pages = useMemo(() => pageGroups(round.groups.map((g) => g.result)), [round.groups]);
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages.length <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages.length), PAGE_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [pages.length]);
  const current = pages[Math.min(page, pages.length - 1)] ?? [];
  const entries = current.flatMap((e) => (round.groups[e.index] ? [{ ...e, group: round.groups[e.index]! }] : []));
  const watch = JSON.stringify([page, entries.map((e) => [e.group.name, e.group.topic, e.text])]);
  return (
    <section className={`onair-round is-${variant}`} aria-labelledby={`onair-round-${round.id}`}>
      <h2 id={`onair-round-${round.id}`} className="onair-round-title">
        {t('breakouts.stage.heading', { number: round.number })}
        {pages.length > 1 && <span className="onair-round-page"> · {t('breakouts.onAir.page', { n: page + 1, total: pages.length })}</span>}
      </h2>
      <FitText mode="zoom" className="onair-round-fit" min={0.1} max={variant === 'room' ? 2 : 1.2} watch={watch}>
        <ul className="onair-round-grid" style={{ gridTemplateColumns: `repeat(${columnsFor(entries.length)}, minmax(0, 1fr))` }}>
          {entries.map(({ group: g, text, part, parts }) => (
            <li key={`${g.index}-${part}`} className="onair-round-group">
              <h3 className="onair-round-name">
                {g.name}
                {parts > 1 && <span className="onair-round-part"> ({t('breakouts.onAir.part', { n: part, total: parts })})</span>}
              </h3>
              {g.topic && part === 1 && <p className="onair-round-topic">{g.topic}</p>}
              <p className="onair-round-text">{text || t('breakouts.results.empty')}</p>
            </li>
          ))}
        </ul>
      </FitText>
    </section>
  );
}

function Running({ round, variant }: { round: RoundView; variant: 'room' | 'overlay' }) {
  const { t } = useTranslation();
  return (
    <FitText mode="zoom" className={`onair-round-running is-${variant}`} min={0.2} max={variant === 'room' ? 3 : 1.5} watch={round.status}>
      <div className="onair-round-clock">
        <h2 className="onair-round-title">{t('breakouts.onAir.running', { number: round.number, count: round.groups.length })}</h2>
        <RoundClock round={round} size="xl" />
      </div>
    </FitText>
  );
}

export default function OnAirRound({ item, variant }: OnAirProps) {
  const { t } = useTranslation();
  const id = 'roundId' in item ? String(item.roundId) : '';
  const round = useEventState((s) => s.synced.breakouts.rounds[id]);
  if (!round) return variant === 'line' ? <>{t('breakouts.onAir.gone')}</> : <p className="onair-round-gone">{t('breakouts.onAir.gone')}</p>;
  if (variant === 'line') return <>{t('breakouts.onAir.line', { number: round.number })}</>;
  if (isActive(round)) return <Running round={round} variant={variant} />;
  if (round.status === 'draft') {
    return (
      <FitText className="onair-round-running" max={variant === 'room' ? 96 : 48}>
        <p className="onair-round-draft">{t('breakouts.onAir.draft', { number: round.number })}</p>
      </FitText>
    );
  }
  return <Results round={round} variant={variant} />;
}
