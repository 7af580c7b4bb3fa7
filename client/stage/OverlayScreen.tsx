/**
 * The stream overlay's picture on a transparent 1920×1080 stage: only the overlay screen's item, as a lower
 * third (question, join line) or a compact box (poll results, leaderboard, round), animated in and out, and
 * hidden after its auto-hide time. The overlay page and the moderator's preview render this same component.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnAirItem, ScreenState } from '../../shared/stage/index.js';
import { FeatureOnAir } from '../kernel/panels.js';
import { useEventState } from '../kernel/react.js';
import { LEAVE_MS, useReducedMotion } from './motion.js';
import { effectiveAutoHide, overlayBox, shapeOf, type OverlayParams } from './overlay-params.js';
import { useStageTheme } from './RoomScreen.js';
import { ScaledStage } from './ScaledStage.js';
import { hidesAt } from './slice.js';
import { themeStyle } from './theme.js';

/** The server-corrected time, re-rendered when the item's auto-hide time comes. */
function useVisible(state: ScreenState, autoHideS: number | null): boolean {
  const offset = useEventState((s) => s.synced.clockOffsetMs);
  const until = hidesAt({ ...state, autoHideS }, autoHideS);
  const [, setTick] = useState(0);
  const now = Date.now() + offset;
  useEffect(() => {
    if (until === null) return;
    const wait = until - (Date.now() + offset);
    if (wait <= 0) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(wait + 20, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [until, offset]);
  return state.item !== null && (until === null || now < until);
}

export function OverlayScreen({ state, params, label }: { state: ScreenState; params: OverlayParams; label?: string }) {
  const { t } = useTranslation();
  const theme = useStageTheme();
  const reduced = useReducedMotion();
  const visible = useVisible(state, effectiveAutoHide(params, state.autoHideS));
  const current = visible ? state.item : null;
  const [shown, setShown] = useState<OnAirItem | null>(current);
  const [leaving, setLeaving] = useState(false);
  const currentKey = current ? JSON.stringify(current) : null;

  useEffect(() => {
    if (current) {
      setShown(current);
      setLeaving(false);
      return;
    }
    setLeaving(true);
    const timer = setTimeout(() => {
      setShown(null);
      setLeaving(false);
    }, reduced ? 0 : LEAVE_MS);
    return () => clearTimeout(timer);
    // currentKey stands for `current` (a new object on every snapshot)
  }, [currentKey, reduced]); // eslint-disable-line react-hooks/exhaustive-deps

  const box = shown ? overlayBox(shapeOf(shown.kind), params.position, params.scale) : null;
  return (
    <ScaledStage className="overlay-stage" label={label}>
      {shown && box && (
        <div
          key={JSON.stringify(shown)}
          className={`overlay-slot shape-${shapeOf(shown.kind)} pos-${params.position} overlay-theme-${params.theme}${leaving ? ' is-leaving' : ''}${reduced ? ' no-motion' : ''}`}
          style={{ ...box, ...(params.theme === 'event' ? themeStyle(theme) : {}) }}
          data-testid="overlay-slot"
        >
          <FeatureOnAir item={shown} variant="overlay" fallback={<p>{t('stage.unknownItem')}</p>} />
        </div>
      )}
    </ScaledStage>
  );
}
