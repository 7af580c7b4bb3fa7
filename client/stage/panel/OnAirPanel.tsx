/**
 * The "on air" panel of moderators (and facilitators, for rounds and the join screen): live previews of
 * what the room screen and the overlay show now (the same screen components, scaled down), take each off
 * air, the queue of next items (reorder by keyboard, "next" onto room, overlay or both), the join screen,
 * and the overlay's auto-hide.
 */
import '../stage.css';
import { useTranslation } from 'react-i18next';
import type { ScreenState, ScreenTarget } from '../../../shared/stage/index.js';
import { FeatureOnAir } from '../../kernel/panels.js';
import { useEventState } from '../../kernel/react.js';
import { useCommand } from '../../kernel/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { DEFAULT_PARAMS } from '../overlay-params.js';
import { OverlayScreen } from '../OverlayScreen.js';
import { RoomScreen } from '../RoomScreen.js';
import { isModerator } from '../roles.js';
import { overlayVisible } from '../slice.js';
import { AutoHideField } from './AutoHideField.js';
import { QueueList } from './QueueList.js';

function Caption({ screen, state, hidden }: { screen: 'room' | 'overlay'; state: ScreenState; hidden?: boolean }) {
  const { t } = useTranslation();
  return (
    <figcaption>
      <strong>{t(`stage.onAir.${screen}`)}:</strong>{' '}
      {state.item ? <FeatureOnAir item={state.item} variant="line" fallback={t('stage.unknownItem')} /> : t('stage.onAir.nothing')}
      {state.item && hidden && <> ({t('stage.onAir.hidden')})</>}
      {state.item && state.by && <span className="hint"> · {t(`stage.onAir.by.${state.by}`)}</span>}
    </figcaption>
  );
}

export default function OnAirPanel() {
  const { t } = useTranslation();
  const stage = useEventState((s) => s.synced.stage);
  const role = useEventState((s) => s.synced.me?.role);
  const offset = useEventState((s) => s.synced.clockOffsetMs);
  const clear = useCommand('stage:clear');
  const show = useCommand('stage:show');
  const moderator = isModerator(role);
  const overlayHidden = stage.overlay.item !== null && !overlayVisible(stage.overlay, Date.now() + offset);
  const takeOff = (screen: ScreenTarget) => void clear.run({ screen });
  return (
    <section className="card onair-panel" aria-labelledby="onair-heading">
      <h2 id="onair-heading">{t('stage.onAir.heading')}</h2>
      <div className="onair-previews">
        <figure className="onair-preview">
          <Caption screen="room" state={stage.room} />
          <div aria-hidden="true" inert>
            <RoomScreen state={stage.room} />
          </div>
        </figure>
        <div className="onair-row">
          <Button size="sm" variant="danger" busy={clear.busy} disabled={!stage.room.item} onClick={() => takeOff('room')}>
            {t('stage.onAir.takeOff', { screen: t('stage.onAir.room') })}
          </Button>
          <Button size="sm" busy={show.busy} onClick={() => void show.run({ screen: 'room', item: { kind: 'join' } })}>
            {t('stage.onAir.showJoin')}
          </Button>
        </div>
        <figure className="onair-preview">
          <Caption screen="overlay" state={stage.overlay} hidden={overlayHidden} />
          <div aria-hidden="true" inert>
            <OverlayScreen state={stage.overlay} params={DEFAULT_PARAMS} />
          </div>
        </figure>
        <div className="onair-row">
          <Button size="sm" variant="danger" busy={clear.busy} disabled={!stage.overlay.item} onClick={() => takeOff('overlay')}>
            {t('stage.onAir.takeOff', { screen: t('stage.onAir.overlay') })}
          </Button>
        </div>
        <ErrorText error={clear.error ?? show.error} />
      </div>
      {moderator && <AutoHideField />}
      <QueueList queue={stage.queue} />
    </section>
  );
}
