/**
 * /e/:code/stage — the presenter screen for the projector in the room (stage link): only the room screen's
 * on-air state, full-screen 16:9, no app chrome. F toggles full screen, Q the QR code.
 */
import './stage.css';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useLinkConnection } from '../kernel/link-connection.js';
import { PAGE_LINK_ROLE } from '../kernel/link-token.js';
import { EventProvider, useEventState } from '../kernel/react.js';
import { ConnectionBanner } from '../ui/ConnectionBanner.js';
import { StageDisplayContext } from './display.js';
import { useEventLanguage, useHtmlClass, usePreloadOnAir, useStageKeys } from './page.js';
import { RoomScreen } from './RoomScreen.js';

export default function StagePage() {
  const { code = '' } = useParams();
  const conn = useLinkConnection(PAGE_LINK_ROLE.stage, code);
  return (
    <EventProvider store={conn.store} send={conn.send}>
      <StageContent />
    </EventProvider>
  );
}

export function StageContent() {
  const { t } = useTranslation();
  useHtmlClass('stage-page');
  usePreloadOnAir();
  useEventLanguage();
  const [showQr, setShowQr] = useState(true);
  useStageKeys(useCallback(() => setShowQr((v) => !v), []));
  const connection = useEventState((s) => s.connection);
  const hasData = useEventState((s) => s.synced.event !== null);
  const room = useEventState((s) => s.synced.stage.room);
  const display = useMemo(() => ({ showQr }), [showQr]);
  return (
    <main className="stage-screen" aria-label={t('stage.screenLabel')}>
      <StageDisplayContext.Provider value={display}>
        <RoomScreen state={room} />
      </StageDisplayContext.Provider>
      <p className="sr-only">{t('stage.keys')}</p>
      {connection.status !== 'live' && (
        <div className="stage-connection">
          <ConnectionBanner connection={connection} hasData={hasData} />
        </div>
      )}
    </main>
  );
}
