/**
 * The presenter screen's picture (1920×1080, scaled by ScaledStage): the event's logo and title, the join
 * corner, and the room screen's on-air item rendered by the feature that owns its kind; nothing on air →
 * the join screen. The stage page and the moderator's preview render this same component.
 */
import { useTranslation } from 'react-i18next';
import type { ScreenState, StageTheme } from '../../shared/stage/index.js';
import { FeatureOnAir } from '../kernel/panels.js';
import { useEventState } from '../kernel/react.js';
import { FitText } from '../ui/FitText.js';
import JoinScreen, { JoinCorner } from './JoinScreen.js';
import { ScaledStage } from './ScaledStage.js';
import { themeStyle } from './theme.js';

export function useStageTheme(): StageTheme | null {
  return useEventState((s) => s.synced.event?.settings.stage.theme ?? null);
}

const JOIN = { kind: 'join' } as const;

export function RoomScreen({ state, label }: { state: ScreenState; label?: string }) {
  const { t } = useTranslation();
  const title = useEventState((s) => s.synced.event?.title ?? '');
  const theme = useStageTheme();
  const item = state.item;
  const joinOnAir = !item || item.kind === 'join';
  return (
    <ScaledStage className="stage-room" style={themeStyle(theme)} label={label}>
      <div className={`stage-layout${joinOnAir ? ' is-join' : ''}`}>
        <div className="stage-head">
          {theme?.logoUrl && <img className="stage-logo" src={theme.logoUrl} alt="" />}
          <FitText className="stage-title" max={56} min={14} watch={title}>
            <h1 className="stage-title-text">{title || t('stage.title')}</h1>
          </FitText>
          {!joinOnAir && <JoinCorner />}
        </div>
        <div className="stage-main" aria-live="polite">
          <div className="stage-item" key={item ? JSON.stringify(item) : 'join'}>
            {item && !joinOnAir ? (
              <FeatureOnAir item={item} variant="room" fallback={<p className="stage-unknown">{t('stage.unknownItem')}</p>} />
            ) : (
              <JoinScreen item={JOIN} variant="room" />
            )}
          </div>
        </div>
      </div>
    </ScaledStage>
  );
}
